using Duban.Parsing.Deadlines;
using Duban.Parsing.Structure;
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
        // Whether the page puts a blank line after every cell: a blank line then says nothing about where the table ends.
        var blankSeparated = false;
        for (; j < lines.Count && lines[j].Kind is LineKind.Text or LineKind.Blank; j++)
        {
            // A page copied from a browser puts a blank line after every cell.
            if (lines[j].Kind == LineKind.Blank) { blankSeparated |= header.Count > 0; continue; }
            var compact = Compact(lines[j].Folded);
            if (compact.Length > MaxColumnNameLength || TableColumns.RoleOf(compact) == ColumnRole.Unknown) break;
            header.Add(j);
            if (header.Count > MaxColumns) return null;
        }
        if (header.Count < MinColumns) return null;
        var roles = header.Select(h => TableColumns.RoleOf(Compact(lines[h].Folded))).ToList();
        if (roles[0] != ColumnRole.Number || !roles.Any(r => r is ColumnRole.Lead or ColumnRole.Responsible)) return null;
        while (j < lines.Count && lines[j].Kind == LineKind.Blank) j++;
        // Group headings (一、…) may stand between the header and the first row.
        var (groups, afterGroups) = GroupLines(lines, j);
        if (afterGroups >= lines.Count || RowNumber(lines[afterGroups]) is not int number) return null;

        var rows = new List<TableRowBlock>
        {
            new(header.Select(h => CellText.From(text, lines[h].Start, lines[h].End)).ToList(),
                new(lines[header[0]].Start, lines[header[^1]].End)),
        };
        rows.AddRange(groups.Select(g => GroupRow(text, lines[g], roles.Count)));
        j = afterGroups;
        var next = j;
        while (j < lines.Count && RowNumber(lines[j]) == number)
        {
            var numberLine = j;
            var body = new List<int>();
            j++;
            var isLast = false;
            List<int> groupsAfter = [];
            for (; j < lines.Count; j++)
            {
                var line = lines[j];
                if (line.Kind == LineKind.Blank || line.Kind == LineKind.Debris) continue;
                if (RowNumber(line) == number + 1) break;
                // An excerpt (the rows of one department taken out of a longer table) keeps the rows' own numbers:
                // 4, 27, 63… A larger number once the row has its task and a units line is the next row.
                if (body.Count >= 2 && RowNumber(line) is int jump && jump > number && IsRowStart(lines, j)) { number = jump - 1; break; }
                // Group headings (二、…) between two rows, possibly several in a row (groups without rows of their
                // own in an excerpt), then a row number: group rows of the table, not the end of it.
                if (body.Count >= 2 && GroupLines(lines, j) is ({ Count: > 0 } found, var after)
                    && after < lines.Count && RowNumber(lines[after]) is int resumed && resumed > number && IsRowStart(lines, after))
                {
                    groupsAfter = found;
                    number = resumed - 1;
                    j = after;
                    break;
                }
                // The last row ends where prose starts again: at a heading, a label line, closing matter, or once it
                // has as many lines as it has cells and the next line starts a new sentence after a blank line.
                if (line.Kind != LineKind.Text || body.Count > 0 && BlockBuilder.StartsBlock(line.Folded)) { isLast = true; break; }
                if (body.Count >= roles.Count - 1 && lines[j - 1].Kind == LineKind.Blank
                    && (!blankSeparated || EndsAfterUnits(lines, body, line))) { isLast = true; break; }
                // A row whose last column is a deadline ends with it.
                if (body.Count >= 2 && roles[^1] == ColumnRole.Deadline && LooksLikeDeadline(lines[body[^1]].Folded.Trim())) { isLast = true; break; }
                body.Add(j);
            }
            if (body.Count == 0) { j = numberLine; break; }
            rows.Add(Row(text, lines, numberLine, body, roles));
            rows.AddRange(groupsAfter.Select(g => GroupRow(text, lines[g], roles.Count)));
            next = body[^1] + 1;
            number++;
            if (isLast) break;
        }
        return rows.Count > 1 ? (rows, next) : null;
    }

    /// <summary>
    /// In a table with a blank line after every cell, the last row ends where a line that is neither units nor a
    /// deadline follows its units or deadline cell: the prose after the table, not a cell of it.
    /// </summary>
    private static bool EndsAfterUnits(IReadOnlyList<SourceLine> lines, List<int> body, SourceLine line)
    {
        static bool IsUnitsOrDeadline(string folded) => LooksLikeUnits(folded.Trim()) || LooksLikeDeadline(folded.Trim());
        return IsUnitsOrDeadline(lines[body[^1]].Folded) && !IsUnitsOrDeadline(line.Folded);
    }

    /// <summary>
    /// The group heading lines (一、加快… / （二）… without 。) starting at <paramref name="start"/>, blank lines
    /// between them skipped, and the index of the first line after them.
    /// </summary>
    private static (List<int> Lines, int Next) GroupLines(IReadOnlyList<SourceLine> lines, int start)
    {
        var found = new List<int>();
        var j = start;
        while (j < lines.Count && found.Count <= MaxGroupLines)
        {
            var line = lines[j];
            if (line.Kind is LineKind.Blank or LineKind.Debris) { j++; continue; }
            if (line.Kind != LineKind.Text || RowNumber(line) is not null || line.Folded.Contains('。')
                || line.Folded.Length > MaxGroupLineLength || HeadingMarker.Read(line.Folded) is null) break;
            found.Add(j++);
        }
        return (found, j);
    }

    // An excerpt can skip many groups; a longer run of headings is the document going on after the table.
    private const int MaxGroupLines = 12;
    private const int MaxGroupLineLength = 60;

    /// <summary>A number line that starts a row: the next line that is not blank is a cell of text, not another number.</summary>
    private static bool IsRowStart(IReadOnlyList<SourceLine> lines, int numberLine)
    {
        for (var k = numberLine + 1; k < lines.Count; k++)
        {
            if (lines[k].Kind is LineKind.Blank or LineKind.Debris) continue;
            return lines[k].Kind == LineKind.Text && RowNumber(lines[k]) is null && !BlockBuilder.StartsBlock(lines[k].Folded);
        }
        return false;
    }

    /// <summary>A group heading as a row of the table: its text in the first cell, the others empty.</summary>
    /// <summary>A group heading (一、…) as a row: its text in the first cell, the others empty.</summary>
    internal static TableRowBlock GroupRow(string text, SourceLine line, int width)
    {
        var cells = new List<MappedText> { CellText.From(text, line.Start, line.End) };
        for (var k = 1; k < width; k++) cells.Add(new MappedText("", []));
        return new TableRowBlock(cells, new(line.Start, line.End));
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
