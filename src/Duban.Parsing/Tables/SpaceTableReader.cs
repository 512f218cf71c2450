using Duban.Parsing.Structure;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tables;

/// <summary>
/// Reads a table whose cells are separated by spaces, as text copied out of a PDF table or typed into a plain mail
/// gives: a header line of column names (序号 工作任务 责任单位 完成时限), then one line per row starting with its
/// number. Chinese prose has no spaces between words, so a line of three or more column names is a header; a row is
/// split at runs of two or more spaces when that gives one cell per column (aligned columns), else at single spaces.
/// A numbered line that fits neither way ends the table and is read as text (nothing is guessed into a column);
/// group headings (一、…) between rows stay group rows.
/// </summary>
internal static class SpaceTableReader
{
    private const int MinColumns = 3;
    private const int MaxColumns = 12;
    // A header line longer than this is prose, and the check stays cheap at every line of a document.
    private const int MaxHeaderLength = 80;
    private const int MaxGroupLineLength = 40;

    /// <summary>Reads the table whose header is line <paramref name="first"/>; null when none starts there.</summary>
    public static (List<TableRowBlock> Rows, int Next)? TryRead(string text, IReadOnlyList<SourceLine> lines, int first)
    {
        var line = lines[first];
        if (line.Kind != LineKind.Text || line.Length > MaxHeaderLength || !HasSpace(line.Folded)) return null;
        var header = Tokens(text, line, minimumGap: 1);
        if (header.Count is < MinColumns or > MaxColumns) return null;
        var roles = new List<ColumnRole>(header.Count);
        foreach (var (start, end) in header)
        {
            var role = TableColumns.RoleOf(CharFolding.Fold(text.AsSpan(start, end - start)));
            if (role == ColumnRole.Unknown) return null;
            roles.Add(role);
        }
        if (roles[0] != ColumnRole.Number || !roles.Any(r => r is ColumnRole.Lead or ColumnRole.Responsible)) return null;

        var rows = new List<TableRowBlock> { Row(text, line, header) };
        var next = first + 1;
        var dataRows = 0;
        for (var j = first + 1; j < lines.Count; j++)
        {
            var candidate = lines[j];
            if (candidate.Kind is LineKind.Blank or LineKind.Debris) continue;
            if (candidate.Kind != LineKind.Text) break;
            if (IsGroupLine(candidate))
            {
                rows.Add(LineCellTableReader.GroupRow(text, candidate, roles.Count));
                continue;
            }
            if (Cells(text, candidate, roles.Count) is not { } cells) break;
            rows.Add(Row(text, candidate, cells));
            dataRows++;
            next = j + 1;
        }
        // Group lines after the last row belong to what follows, not to the table.
        while (rows.Count > 1 && rows[^1].Cells.Skip(1).All(c => c.Length == 0)) rows.RemoveAt(rows.Count - 1);
        return dataRows == 0 ? null : (rows, next);
    }

    /// <summary>The cells of a numbered row when it splits into exactly <paramref name="width"/> of them.</summary>
    private static List<(int Start, int End)>? Cells(string text, SourceLine line, int width)
    {
        var folded = line.Folded;
        var digits = 0;
        while (digits < folded.Length && char.IsAsciiDigit(folded[digits])) digits++;
        if (digits is 0 or > 4 || digits < folded.Length && folded[digits] is not (' ' or '.' or '、')) return null;
        var aligned = Tokens(text, line, minimumGap: 2);
        if (aligned.Count == width) return aligned;
        var single = Tokens(text, line, minimumGap: 1);
        return single.Count == width ? single : null;
    }

    private static bool IsGroupLine(SourceLine line) =>
        line.Length <= MaxGroupLineLength && !line.Folded.Contains('。') && !HasSpace(line.Folded.Trim())
        && HeadingMarker.Read(line.Folded) is { Style: Duban.Parsing.Model.MarkerStyle.ChineseNumeral or Duban.Parsing.Model.MarkerStyle.ParenChineseNumeral };

    /// <summary>The pieces of a line between runs of at least <paramref name="minimumGap"/> spaces.</summary>
    private static List<(int Start, int End)> Tokens(string text, SourceLine line, int minimumGap)
    {
        var tokens = new List<(int, int)>();
        var start = -1;
        var gap = 0;
        for (var i = line.Start; i < line.End; i++)
        {
            if (IsSpace(text[i]))
            {
                gap++;
                continue;
            }
            if (start < 0) start = i;
            else if (gap >= minimumGap)
            {
                tokens.Add((start, i - gap));
                start = i;
            }
            gap = 0;
        }
        if (start >= 0) tokens.Add((start, line.End - gap));
        return tokens;
    }

    private static bool HasSpace(string folded) => folded.AsSpan().IndexOfAny(' ', '\u3000') >= 0;

    private static bool IsSpace(char c) => c is ' ' or '\u3000' or '\u00A0';

    private static TableRowBlock Row(string text, SourceLine line, List<(int Start, int End)> cells) =>
        new(cells.Select(c => CellText.From(text, c.Start, c.End)).ToList(), new(line.Start, line.End));
}
