using Duban.Parsing.Model;
using Duban.Parsing.Units;

namespace Duban.Parsing;

/// <summary>What the stages of one parse share: the options, facts read so far, and the warnings.</summary>
internal sealed class ParseContext(PlanParserOptions options)
{
    public PlanParserOptions Options { get; } = options;

    public UnitFieldParser Units { get; } = new(options.UnitAliases);

    /// <summary>The year of the plan's year-less deadlines (年内, 6月底前): the year its title names, else its issue year; null until known.</summary>
    public int? IssueYear { get; set; }

    /// <summary>The one year the plan's title names (2025年…工作要点); null for a plan over several years or none.</summary>
    public int? TitleYear { get; set; }

    /// <summary>
    /// The document states that the unit listed first leads (排在第一位的为牵头单位, 列首位的为牵头单位): a task's list of units
    /// without 牵头 or 配合 is read lead first. See <see cref="Tasks.LeadConvention"/>.
    /// </summary>
    public bool FirstListedLeads { get; set; }

    /// <summary>How a units bracket parted by a semicolon is read (分号前为牵头单位 stated, denied, or by shape).</summary>
    public Tasks.SemicolonConvention SemicolonLeads { get; set; }

    public List<ParseWarning> Warnings { get; } = [];

    public void Warn(string code, string message, SourceSpan? span = null) => Warnings.Add(new ParseWarning(code, message, span));
}
