using Duban.Parsing.Model;
using Duban.Parsing.Units;

namespace Duban.Parsing;

/// <summary>What the stages of one parse share: the options, facts read so far, and the warnings.</summary>
internal sealed class ParseContext(PlanParserOptions options)
{
    public PlanParserOptions Options { get; } = options;

    public UnitFieldParser Units { get; } = new(options.UnitAliases);

    /// <summary>The plan's issue year, for deadlines written without one (年内, 6月底前); null until known.</summary>
    public int? IssueYear { get; set; }

    public List<ParseWarning> Warnings { get; } = [];

    public void Warn(string code, string message, SourceSpan? span = null) => Warnings.Add(new ParseWarning(code, message, span));
}
