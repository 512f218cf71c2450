using Duban.Parsing.Deadlines;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tables;

/// <summary>
/// Reads a table flattened one cell per line with no separators, as copying a table out of a PDF or a web page gives:
/// the header's column names each on a line of their own (序号 / 重点任务 / 牵头部门 / 配合部门 / 时间节点), then each
/// row's cells on lines of their own, starting with its number. The row numbers are the anchors (each one more than the
/// last); between two of them the lines are dealt to the columns by what they look like:
/// a deadline (the last line, read by <see cref="DeadlineParser"/>), unit lists (short, ending like an organisation),
/// and the task text (everything else, a cell wrapped over several lines joined). A line ending in 、 or ，
/// continues on the next. A row with fewer unit lines than unit columns fills them from the left and leaves the rest
/// empty: an empty units cell takes the value of the row above (a merged 推进单位 printed only on a group's first row).
/// </summary>
internal static class LineCellTableReader
{
    private const int MinColumns = 3;
    // More column names in a row than any table has: not a header (and the scan stays linear on hostile input).
    private const int MaxColumns = 12;
    private const int MaxColumnNameLength = 8;
    private const int MaxUnitLineLength = 60;
    private const int MaxDeadlineLineLength = 24;

    /// <summary>Reads the table whose header starts at line <paramref name="first"/>; null when none starts there.</summary>
    public static (List<TableRowBlock> Rows, int Next)? TryRead(string text, IReadOnlyList<SourceLine> lines, int first)
    {
        // Asked at every line of a document: a line that is no column name is turned down here, before the reading
        // below allocates anything (its lambdas' closure is made on entry).
        var line = lines[first];
        if (line.Folded.Length > 2 * MaxColumnNameLength || line.Kind != LineKind.Text) return null;
        var compact = Compact(line.Folded);
        if (compact.Length > MaxColumnNameLength || TableColumns.RoleOf(compact) == ColumnRole.Unknown) return null;
        return Read(text, lines, first);
    }

    private static (List<TableRowBlock> Rows, int Next)? Read(string text, IReadOnlyList<SourceLine> lines, int first)
    {
        var header = new List<int>();
        var j = first;
        for (; j < lines.Count && lines[j].Kind == LineKind.Text; j++)
        {
            var compact = Compact(lines[j].Folded);
            if (compact.Length > MaxColumnNameLength || TableColumns.RoleOf(compact) == ColumnRole.Unknown) break;
            header.Add(j);
            if (header.Count > MaxColumns) return null;
        }
        if (header.Count < MinColumns) return null;
        var roles = header.Select(h => TableColumns.RoleOf(Compact(lines[h].Folded))).ToList();
        if (roles[0] != ColumnRole.Number || !roles.Any(r => r is ColumnRole.Lead or ColumnRole.Responsible)) return null;
        while (j < lines.Count && lines[j].Kind == LineKind.Blank) j++;
        if (j >= lines.Count || RowNumber(lines[j]) is not int number) return null;

        var rows = new List<TableRowBlock>
        {
            new(header.Select(h => CellText.From(text, lines[h].Start, lines[h].End)).ToList(),
                new(lines[header[0]].Start, lines[header[^1]].End)),
        };
        var next = j;
        while (j < lines.Count && RowNumber(lines[j]) == number)
        {
            var numberLine = j;
            var body = new List<int>();
            j++;
            var isLast = false;
            for (; j < lines.Count; j++)
            {
                var line = lines[j];
                if (line.Kind == LineKind.Blank || line.Kind == LineKind.Debris) continue;
                if (RowNumber(line) == number + 1) break;
                // The last row ends where prose starts again: at a heading, a label line, closing matter, or once it
                // has as many lines as it has cells and the next line starts a new sentence after a blank line.
                if (line.Kind != LineKind.Text || body.Count > 0 && BlockBuilder.StartsBlock(line.Folded)) { isLast = true; break; }
                if (body.Count >= roles.Count - 1 && lines[j - 1].Kind == LineKind.Blank) { isLast = true; break; }
                // A row whose last column is a deadline ends with it.
                if (body.Count >= 2 && roles[^1] == ColumnRole.Deadline && LooksLikeDeadline(lines[body[^1]].Folded.Trim())) { isLast = true; break; }
                body.Add(j);
            }
            if (body.Count == 0) { j = numberLine; break; }
            rows.Add(Row(text, lines, numberLine, body, roles));
            next = body[^1] + 1;
            number++;
            if (isLast) break;
        }
        return rows.Count > 1 ? (rows, next) : null;
    }

    private static TableRowBlock Row(string text, IReadOnlyList<SourceLine> lines, int numberLine, List<int> body, List<ColumnRole> roles)
    {
        // Lines ending mid-list (、，) continue on the next line: one piece.
        var pieces = new List<List<int>>();
        foreach (var b in body)
        {
            if (pieces.Count > 0 && lines[pieces[^1][^1]].Folded.TrimEnd() is { Length: > 0 } prev && prev[^1] is '、' or ',')
                pieces[^1].Add(b);
            else
                pieces.Add([b]);
        }

        var cells = new List<int>?[roles.Count];
        cells[0] = [numberLine];
        var taskColumn = roles.FindIndex(r => r is ColumnRole.Task);
        if (taskColumn < 0) taskColumn = 1;
        var unitColumns = Enumerable.Range(1, roles.Count - 1)
            .Where(c => roles[c] is ColumnRole.Lead or ColumnRole.Responsible or ColumnRole.Cooperating).ToList();
        var deadlineColumn = roles.FindIndex(r => r is ColumnRole.Deadline);

        if (pieces.Count == roles.Count - 1)
        {
            for (var k = 0; k < pieces.Count; k++) cells[k + 1] = pieces[k];
        }
        else
        {
            var end = pieces.Count;
            if (deadlineColumn > 0 && end > 1 && LooksLikeDeadline(Joined(lines, pieces[end - 1])))
                cells[deadlineColumn] = pieces[--end];
            var unitStart = end;
            while (unitStart > 1 && end - unitStart < unitColumns.Count && LooksLikeUnits(Joined(lines, pieces[unitStart - 1])))
                unitStart--;
            for (var k = unitStart; k < end; k++) cells[unitColumns[k - unitStart]] = pieces[k];
            cells[taskColumn] = pieces.Take(unitStart).SelectMany(p => p).ToList();
        }

        var mapped = new List<MappedText>();
        foreach (var cell in cells)
            mapped.Add(cell is { Count: > 0 }
                ? MappedText.Concat(cell.Select(l => CellText.From(text, lines[l].Start, lines[l].End)).ToList()).Trim()
                : new MappedText("", []));
        return new TableRowBlock(mapped, new(lines[numberLine].Start, lines[body[^1]].End));
    }

    private static string Joined(IReadOnlyList<SourceLine> lines, List<int> piece) =>
        string.Concat(piece.Select(l => lines[l].Folded)).Trim();

    private static bool LooksLikeDeadline(string folded) =>
        folded.Length <= MaxDeadlineLineLength && !folded.Contains('。')
        && DeadlineParser.Parse(folded, default, null).Understood;

    private static bool LooksLikeUnits(string folded)
    {
        var s = folded.TrimEnd('等');
        if (s.Length is < 2 or > MaxUnitLineLength || s.Contains('。') || s.Contains(',')) return false;
        return Units.UnitShape.EndingLength(s) > 0 || Units.UnitShape.StartsCollective(s);
    }

    private static int? RowNumber(SourceLine line)
    {
        var s = line.Folded.Trim().TrimEnd('.', '、');
        return line.Kind == LineKind.Text && s.Length is > 0 and <= 4 && s.All(char.IsAsciiDigit) ? int.Parse(s) : null;
    }

    private static string Compact(string folded) => string.Concat(folded.Where(c => !char.IsWhiteSpace(c)));
}
