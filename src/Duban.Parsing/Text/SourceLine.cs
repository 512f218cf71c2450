namespace Duban.Parsing.Text;

internal enum LineKind
{
    Blank,
    Text,
    /// <summary>A tab-separated table row.</summary>
    Tab,
    /// <summary>A line of a '|'-separated table.</summary>
    Pipe,
    /// <summary>Page numbers and similar debris between pages.</summary>
    Debris,
}

/// <summary>A physical line: [Start, End) is its content without surrounding white space.</summary>
internal sealed class SourceLine(int start, int end, string folded)
{
    public int Start { get; } = start;
    public int End { get; } = end;
    public int Length => End - Start;

    /// <summary>The line's content folded by <see cref="CharFolding"/>.</summary>
    public string Folded { get; } = folded;

    public LineKind Kind { get; set; }

    private bool? _isDeadlineCell;

    /// <summary>
    /// The line, trimmed, reads as a deadline cell (<see cref="Tables.CellShape.IsDeadline"/>). Kept once read: the
    /// readers of tables flattened one cell per line look at each line from every start line a few lines above it.
    /// </summary>
    public bool IsDeadlineCell => _isDeadlineCell ??= Tables.CellShape.IsDeadline(Folded.Trim());

    /// <summary>Splits <paramref name="text"/> into lines and classifies them.</summary>
    public static List<SourceLine> Split(string text)
    {
        // Sized once: grown by doubling, a long document's list left a trail of large-object arrays behind it.
        var lines = new List<SourceLine>(text.AsSpan().Count('\n') + 1);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\r')) continue;
            lines.Add(Make(text, start, i));
            if (i < text.Length - 1 && text[i] == '\r' && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        MarkTabTables(text, lines);
        return lines;
    }

    private static SourceLine Make(string text, int start, int end)
    {
        // Tabs are trimmed only after deciding whether the line is a table row: a group row "一、…\t\t\t" keeps its
        // empty cells.
        while (start < end && IsPadding(text[start])) start++;
        while (end > start && IsPadding(text[end - 1])) end--;
        var isTab = text.AsSpan(start, end - start).Trim('\t').Length > 0 && text.AsSpan(start, end - start).Contains('\t');
        if (!isTab) (start, end) = TrimTabs(text, start, end);
        var line = new SourceLine(start, end, CharFolding.Fold(text.AsSpan(start, end - start)));
        line.Kind = line.Length == 0 ? LineKind.Blank
            : isTab ? LineKind.Tab
            : text.AsSpan(start, end - start).Contains('|') ? LineKind.Pipe
            : LineShapes.IsPageNumber(line.Folded) || LineShapes.IsWebNoise(line.Folded) ? LineKind.Debris
            : LineKind.Text;
        return line;
    }

    private static (int, int) TrimTabs(string text, int start, int end)
    {
        while (start < end && (text[start] == '\t' || IsPadding(text[start]))) start++;
        while (end > start && (text[end - 1] == '\t' || IsPadding(text[end - 1]))) end--;
        return (start, end);
    }

    private static bool IsPadding(char c) => c is ' ' or '\u3000' or '\u00A0' or '\uFEFF' or '\f' or '\v' or '\r';

    /// <summary>A lone tab-separated line is prose with a stray tab; tables have at least two rows.</summary>
    private static void MarkTabTables(string text, List<SourceLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind != LineKind.Tab) continue;
            var hasNeighbour = Neighbour(lines, i, -1) || Neighbour(lines, i, +1);
            if (hasNeighbour) continue;
            var (start, end) = TrimTabs(text, lines[i].Start, lines[i].End);
            lines[i] = new SourceLine(start, end, CharFolding.Fold(text.AsSpan(start, end - start))) { Kind = LineKind.Text };
        }
    }

    /// <summary>
    /// Another tab row next to line <paramref name="i"/>, over blank lines and group headings: a 分工表 copied from a
    /// page or a Word file often loses the tabs of its group rows, so its header may stand alone above
    /// "一、优化职业教育布局" and the first task row (the table reader runs over such headings too).
    /// </summary>
    private static bool Neighbour(List<SourceLine> lines, int i, int step)
    {
        var headings = 0;
        for (var j = i + step; j >= 0 && j < lines.Count; j += step)
        {
            if (lines[j].Kind is LineKind.Blank or LineKind.Debris) continue;
            if (lines[j].Kind == LineKind.Text && headings < MaxGroupHeadings && IsGroupHeading(lines[j].Folded))
            {
                headings++;
                continue;
            }
            return lines[j].Kind == LineKind.Tab;
        }
        return false;
    }

    private const int MaxGroupHeadings = 3;
    private const int MaxGroupHeadingLength = 40;

    private static bool IsGroupHeading(string folded) =>
        folded.Length <= MaxGroupHeadingLength && !folded.Contains('。') && Structure.HeadingMarker.Read(folded) is not null;
}
