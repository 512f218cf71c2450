using Duban.Parsing.Input;
using Duban.Parsing.Units;

namespace Duban.Parsing;

/// <summary>Options of <see cref="PlanParser"/>.</summary>
public sealed record PlanParserOptions
{
    /// <summary>The alias table that gives units their canonical names; extend <see cref="UnitAliasTable.Default"/> with <c>With</c>.</summary>
    public UnitAliasTable UnitAliases { get; init; } = UnitAliasTable.Default;

    /// <summary>Limits on input size and .docx decompression.</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;

    public static PlanParserOptions Default { get; } = new();
}
