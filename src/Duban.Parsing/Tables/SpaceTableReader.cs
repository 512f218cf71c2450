using Duban.Parsing.Structure;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tables;

/// <summary>
/// Reads a table whose cells are separated by spaces, as text copied out of a PDF table or typed into a plain mail
/// gives: a header line of column names (序号 工作任务 责任单位 完成时限), then one line per row starting with its
/// number. Chinese prose has no spaces between words, so a line of three or more column names is a header; a row is
/// split at runs of two or more spaces when that gives one cell per column (aligned columns), else at single spaces.
/// A row that splits into more or fewer pieces (a cell holding a space where the columns are not aligned, a cell merged
/// down from the row above and so not printed) is read by the shapes of its pieces, from the right: a deadline, unit
/// lists, and the task text as the rest (<see cref="ByShape"/>); a deadline it lacks is the row above's (merged). A
/// numbered line that fits no way ends the table and is read as text; group headings (一、…) between rows stay group rows.
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
        var deadlineColumn = roles.IndexOf(ColumnRole.Deadline);
        TableRowBlock? above = null;
        for (var j = first + 1; j < lines.Count; j++)
        {
            var candidate = lines[j];
            if (candidate.Kind is LineKind.Blank or LineKind.Debris) continue;
            if (candidate.Kind != LineKind.Text) break;
            if (IsGroupLine(candidate))
            {
                rows.Add(LineCellTableReader.GroupRow(text, candidate, roles.Count));
                above = null;
                continue;
            }
            if (Cells(text, candidate, roles) is not { } cells) break;
            var row = Row(text, candidate, cells);
            // A deadline merged down over several rows is printed in the first only.
            if (deadlineColumn > 0 && row.Cells[deadlineColumn].Length == 0 && above is not null)
                row = new TableRowBlock([.. row.Cells.Select((c, k) => k == deadlineColumn ? above.Cells[k] : c)], row.Span);
            rows.Add(row);
            above = row;
            dataRows++;
            next = j + 1;
        }
        // Group lines after the last row belong to what follows, not to the table.
        while (rows.Count > 1 && rows[^1].Cells.Skip(1).All(c => c.Length == 0)) rows.RemoveAt(rows.Count - 1);
        return dataRows == 0 ? null : (rows, next);
    }

    /// <summary>
    /// The cells of a numbered row: split at wide gaps or at single spaces when that gives one cell per column, else
    /// read by the shapes of the pieces (an empty range for a cell the row does not print); null when nothing fits.
    /// </summary>
    private static List<(int Start, int End)>? Cells(string text, SourceLine line, List<ColumnRole> roles)
    {
        var width = roles.Count;
        var folded = line.Folded;
        var digits = 0;
        while (digits < folded.Length && char.IsAsciiDigit(folded[digits])) digits++;
        if (digits is 0 or > 4 || digits < folded.Length && folded[digits] is not (' ' or '.' or '、')) return null;
        var aligned = Tokens(text, line, minimumGap: 2);
        if (aligned.Count == width) return aligned;
        var single = Tokens(text, line, minimumGap: 1);
        if (single.Count == width) return single;
        return (aligned.Count > 2 ? ByShape(text, aligned, roles) : null) ?? ByShape(text, single, roles);
    }

    /// <summary>
    /// A row's cells read by what its pieces look like, from the right, when their count does not match the columns:
    /// the deadline column takes the last piece if it reads as a deadline; a remark column after it (备注) a last piece
    /// that is neither a deadline nor units, before a deadline; the units columns the unit-like pieces before that (the
    /// first units column one, the last the rest: 县教育局 县发展改革局 县财政局 → 县教育局 | 县发展改革局 县财政局); the task
    /// column every piece left, spaces and all. A column with no piece of its kind stays empty (merged from above or
    /// left blank). Null unless the first piece is the number, the task keeps at least one piece and a units or
    /// deadline cell was found; a table with a second text column (目标 beside 任务) is not guessed at.
    /// </summary>
    private static List<(int Start, int End)>? ByShape(string text, List<(int Start, int End)> tokens, List<ColumnRole> roles)
    {
        if (tokens.Count < 3 || roles[0] != ColumnRole.Number || !IsNumber(text, tokens[0])) return null;
        var textColumns = roles.Count(r => r is ColumnRole.Task or ColumnRole.Target);
        if (textColumns > 1) return null;
        string At(int k) => CharFolding.Fold(text.AsSpan(tokens[k].Start, tokens[k].End - tokens[k].Start));
        var cells = new (int Start, int End)?[roles.Count];
        cells[0] = tokens[0];
        var end = tokens.Count;
        var found = false;
        for (var c = roles.Count - 1; c >= 1; c--)
        {
            switch (roles[c])
            {
                case ColumnRole.Deadline:
                    if (end > 2 && LooksLikeDeadline(At(end - 1))) { cells[c] = tokens[--end]; found = true; }
                    break;
                case ColumnRole.Note when roles.Take(c).Contains(ColumnRole.Deadline):
                    if (end > 3 && !LooksLikeDeadline(At(end - 1)) && !LooksLikeUnits(At(end - 1)) && LooksLikeDeadline(At(end - 2)))
                        cells[c] = tokens[--end];
                    break;
                case ColumnRole.Lead or ColumnRole.Responsible or ColumnRole.Cooperating:
                    var run = end;
                    while (run > 2 && LooksLikeUnits(At(run - 1))) run--;
                    if (run == end) break;
                    // Unit columns further left each keep one piece of the run.
                    var left = Enumerable.Range(1, c - 1).Count(k => roles[k] is ColumnRole.Lead or ColumnRole.Responsible or ColumnRole.Cooperating);
                    var from = end - (left == 0 ? end - run : Math.Max(1, end - run - left));
                    cells[c] = (tokens[from].Start, tokens[end - 1].End);
                    end = from;
                    found = true;
                    break;
                case ColumnRole.Task or ColumnRole.Target:
                    if (end < 2) return null;
                    cells[c] = (tokens[1].Start, tokens[end - 1].End);
                    end = 1;
                    break;
            }
        }
        if (!found || end != 1) return null;
        return [.. cells.Select(c => c ?? (0, 0))];
    }

    private static bool IsNumber(string text, (int Start, int End) token) =>
        text.AsSpan(token.Start, token.End - token.Start).TrimEnd(".、") is { Length: > 0 and <= 4 } digits && !digits.ContainsAnyExceptInRange('0', '9');

    private static bool LooksLikeDeadline(string folded) => CellShape.IsDeadline(folded);

    // A figure is a count in the task text (改造供水工程12处), not part of a unit's name: a piece split off at a single
    // space may be such a fragment of the task cell.
    private static bool LooksLikeUnits(string folded) => !folded.AsSpan().ContainsAnyInRange('0', '9') && CellShape.IsUnits(folded);

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
        new(cells.Select(c => c.End > c.Start ? CellText.From(text, c.Start, c.End) : new MappedText("", [])).ToList(), new(line.Start, line.End));
}
