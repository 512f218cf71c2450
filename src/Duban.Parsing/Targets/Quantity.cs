using Duban.Parsing.Model;

namespace Duban.Parsing.Targets;

/// <summary>A figure with its unit, as read from [<see cref="Start"/>, <see cref="End"/>): 2万人以上, 4—5所, 4:6.</summary>
/// <param name="Value">Normalised (2万人 → 20000); for a range, the lower bound; for a ratio, the first term.</param>
/// <param name="Trailing">The comparator written after the figure (以上, 左右), which wins over one written before.</param>
/// <param name="MoreThan">余 or 多 after the figure (5000余人): more than the figure.</param>
/// <param name="PerYear">Written per year after the unit (500万元/年).</param>
internal sealed record Quantity(
    int Start,
    int End,
    decimal Value,
    decimal? ValueMax,
    TargetUnit Unit,
    IReadOnlyList<decimal>? Ratio,
    Comparator? Trailing,
    bool MoreThan,
    bool PerYear);
