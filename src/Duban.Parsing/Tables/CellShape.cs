using Duban.Parsing.Deadlines;

namespace Duban.Parsing.Tables;

/// <summary>
/// What a cell's text looks like when a table lost its columns (one cell per line, cells separated by spaces): a
/// deadline or a list of units. Shared by the readers that deal pieces of a row to columns by their shape.
/// </summary>
internal static class CellShape
{
    private const int MaxDeadlineLength = 24;
    private const int MaxUnitsLength = 60;

    /// <summary>A short text the deadline parser understands, not a sentence (2025年6月底前, 长期坚持).</summary>
    public static bool IsDeadline(string folded) =>
        folded.Length <= MaxDeadlineLength && !folded.Contains('。') && DeadlineParser.Parse(folded, default, null).Understood;

    /// <summary>A short text ending like an organisation or opening like a collective (市教育局、市财政局, 各乡镇).</summary>
    public static bool IsUnits(string folded)
    {
        var s = folded.TrimEnd('等');
        if (s.Length is < 2 or > MaxUnitsLength) return false;
        if (!s.Contains('。') && !s.Contains(','))
            return Units.UnitShape.EndingLength(s) > 0 || Units.UnitShape.StartsCollective(s);
        return IsUnitList(s);
    }

    /// <summary>
    /// A cell typed as a sentence (县教体局、县财政局，各乡镇人民政府。): a comma between names and a closing 。 are no
    /// clause when every part between the separators ends like an organisation (a collective must too: 各乡镇人民政府,
    /// not 各单位要于每季度末报送进展情况).
    /// </summary>
    private static bool IsUnitList(string s)
    {
        // A 。 before the end is a sentence's: such prose stops here, unsplit.
        if (s.AsSpan().TrimEnd('。').Contains('。')) return false;
        var parts = s.TrimEnd('。').Split([',', '、', ';'], StringSplitOptions.TrimEntries);
        return parts.All(p => p.TrimEnd('等') is { Length: >= 2 and <= MaxUnitNameLength } name && !name.Contains('。')
            && Units.UnitShape.EndingLength(name) is > 0 and var ending && name.Length > ending);
    }

    private const int MaxUnitNameLength = 20;
}
