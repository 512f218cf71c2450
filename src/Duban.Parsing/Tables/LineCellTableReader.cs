using Duban.Parsing.Deadlines;
using Duban.Parsing.Model;
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
/// continues on the next. Cells merged down over several rows stand only in the first row of the copy; the rows below
/// take them from the row above (see <see cref="Cells"/>): a deadline, and units columns before the row's own unit
/// lines when those name units the row above holds further right. A row with no units line keeps its units cells
/// empty: the task list gives it the units of the row above (a merged 推进单位 printed only on a group's first row).
/// A column name may wrap over two lines of its cell (完成 / 时限); remark columns (备注) may follow the deadline.
/// </summary>
internal static class LineCellTableReader
{
    private const int MinColumns = 3;
    // More column names in a row than any table has: not a header (and the scan stays linear on hostile input).
    private const int MaxColumns = 12;
    private const int MaxColumnNameLength = 8;

    /// <summary>Reads the table whose header starts at line <paramref name="first"/>; null when none starts there.</summary>
    public static (List<TableRowBlock> Rows, int Next)? TryRead(string text, IReadOnlyList<SourceLine> lines, int first)
    {
        // Asked at every line of a document: a line that is no column name is turned down here, before the reading
        // below allocates anything (its lambdas' closure is made on entry).
        var line = lines[first];
        if (line.Folded.Length > 2 * MaxColumnNameLength || line.Kind != LineKind.Text) return null;
        var compact = Compact(line.Folded);
        if (compact.Length > MaxColumnNameLength) return null;
        if (TableColumns.RoleOf(compact) == ColumnRole.Unknown
            && (compact.Length > MaxHalfNameLength || NameOverTwoLines(lines, first) is null)) return null;
        return Read(text, lines, first);
    }

    /// <summary>
    /// Reads a table flattened one cell per line that has no header row: an excerpt (rows copied out of the middle of a
    /// 分工表, its header left behind) or a table printed without one. It starts at a line holding only a row number
    /// followed by a cell of text; its columns are read from the shapes of the rows' lines, as
    /// <see cref="TableColumns.FromContent"/> reads a headerless table with separators: the rows are first dealt as
    /// 序号 | task | two units columns | deadline, by shape (a last line that reads as a deadline, unit lines before it,
    /// the rest the task text); the table then has the columns its rows fill — one units column (责任单位) unless a row
    /// has two unit lines (牵头 then 配合, the order 分工表 print them in), a deadline column when a row ends with a
    /// deadline. It takes two rows at least, each opening with a task cell (no units or deadline) of a sentence's length,
    /// the first naming its units. The rows come out without a header; the task list reads their columns from the
    /// cells. Null when no such table starts at <paramref name="first"/>.
    /// </summary>
    public static (List<TableRowBlock> Rows, int Next)? TryReadHeaderless(string text, IReadOnlyList<SourceLine> lines, int first)
    {
        if (lines[first].Kind != LineKind.Text) return null;
        var blankSeparated = first + 1 < lines.Count && lines[first + 1].Kind == LineKind.Blank;
        if (RowNumber(lines[first]) is not int number) return ReadUnnumberedHeaderless(text, lines, first, blankSeparated);
        if (!IsRowStart(lines, first)) return null;
        List<ColumnRole> probing = [ColumnRole.Number, ColumnRole.Task, ColumnRole.Lead, ColumnRole.Cooperating, ColumnRole.Deadline];
        var probe = new List<TableRowBlock>();
        var probed = ReadRows(text, lines, probing, first, number, blankSeparated, byShape: true, probe);
        var numbered = probe.Where(IsNumberedRow).ToList();
        if (numbered.Count < MinHeaderlessRows || numbered[0].Cells[2].Length == 0) return null;
        foreach (var row in numbered)
        {
            var task = CharFolding.Fold(row.Cells[1].Value.Trim());
            if (task.Length < MinTaskLength || LooksLikeUnits(task) || LooksLikeDeadline(task)) return null;
        }
        List<ColumnRole> roles = [ColumnRole.Number, ColumnRole.Task];
        roles.AddRange(numbered.Any(r => r.Cells[3].Length > 0) ? [ColumnRole.Lead, ColumnRole.Cooperating] : [ColumnRole.Responsible]);
        if (numbered.Any(r => r.Cells[4].Length > 0)) roles.Add(ColumnRole.Deadline);
        if (roles.Count == probing.Count) return (probe, probed);
        var rows = new List<TableRowBlock>();
        var next = ReadRows(text, lines, roles, first, number, blankSeparated, byShape: true, rows);
        return rows.Count(IsNumberedRow) >= MinHeaderlessRows ? (rows, next) : null;
    }

    /// <summary>
    /// A table flattened one cell per line with neither a header nor a 序号 column (重点任务 / 责任单位 / 完成时限 rows
    /// copied alone): each row is a task cell of a sentence's length, one or two unit lines, and a deadline line that
    /// ends it (the only mark of where a row ends, so the last column must be the deadline). Two rows at least, each with
    /// a units line, group headings (一、…) between them; blank lines between cells are skipped when the copy puts one
    /// after every cell, and otherwise end the table. One units column unless a row has two unit lines.
    /// </summary>
    private static (List<TableRowBlock> Rows, int Next)? ReadUnnumberedHeaderless(string text, IReadOnlyList<SourceLine> lines, int first, bool blankSeparated)
    {
        var folded = lines[first].Folded.Trim();
        if (folded.Length < MinTaskLength || BlockBuilder.StartsBlock(lines[first].Folded)) return null;
        List<ColumnRole> probing = [ColumnRole.Task, ColumnRole.Lead, ColumnRole.Cooperating, ColumnRole.Deadline];
        if (!DeadlineLineWithin(lines, first, probing.Count, blankSeparated)) return null;
        var probe = new List<TableRowBlock>();
        ReadUnnumberedRows(text, lines, probing, first, blankSeparated, byShape: true, probe);
        var rows = probe.Where(r => r.Cells[^1].Length > 0).ToList();
        if (rows.Count < MinHeaderlessRows || rows.Any(r => r.Cells[1].Length == 0)) return null;
        if (rows.Any(r => CharFolding.Fold(r.Cells[0].Value.Trim()) is var task && (task.Length < MinTaskLength || LooksLikeUnits(task))))
            return null;
        List<ColumnRole> roles = rows.Any(r => r.Cells[2].Length > 0)
            ? probing : [ColumnRole.Task, ColumnRole.Responsible, ColumnRole.Deadline];
        var read = new List<TableRowBlock>();
        var next = ReadUnnumberedRows(text, lines, roles, first, blankSeparated, byShape: true, read);
        return read.Count(r => r.Cells[^1].Length > 0) >= MinHeaderlessRows ? (read, next) : null;
    }

    // Rows a table without a header must show before its columns are read from them, and the shortest task cell: a
    // number line before a short line (a page number, a figure) starts no table.
    private const int MinHeaderlessRows = 2;
    private const int MinTaskLength = 8;

    private static bool IsNumberedRow(TableRowBlock row) =>
        row.CompactCells[0] is { Length: > 0 and <= 5 } n && n.TrimEnd('.', '、').All(char.IsAsciiDigit);

    // A column name printed over two lines of its cell (完成 / 时限, 责任 / 单位): each half is short.
    private const int MaxHalfNameLength = 4;

    /// <summary>
    /// The line after <paramref name="first"/> (blank lines skipped) when the two lines are one column name wrapped in
    /// its cell (完成 + 时限, 配合 + 单位): the second names no column by itself, together they do. Null otherwise.
    /// </summary>
    private static int? NameOverTwoLines(IReadOnlyList<SourceLine> lines, int first)
    {
        var next = first + 1;
        while (next < lines.Count && lines[next].Kind == LineKind.Blank) next++;
        if (next >= lines.Count || lines[next].Kind != LineKind.Text || lines[next].Folded.Length > 2 * MaxHalfNameLength) return null;
        var second = Compact(lines[next].Folded);
        if (second.Length is 0 or > MaxHalfNameLength) return null;
        return TableColumns.RoleAcross(Compact(lines[first].Folded), second) == ColumnRole.Unknown ? null : next;
    }

    private static (List<TableRowBlock> Rows, int Next)? Read(string text, IReadOnlyList<SourceLine> lines, int first)
    {
        // Each column name: its first and last line (a name may wrap in its cell: 完成 / 时限).
        var header = new List<(int First, int Last)>();
        var roles = new List<ColumnRole>();
        var j = first;
        // Whether the page puts a blank line after every cell: a blank line then says nothing about where the table ends.
        var blankSeparated = false;
        for (; j < lines.Count && lines[j].Kind is LineKind.Text or LineKind.Blank; j++)
        {
            // A page copied from a browser puts a blank line after every cell.
            if (lines[j].Kind == LineKind.Blank) { blankSeparated |= header.Count > 0; continue; }
            var compact = Compact(lines[j].Folded);
            if (compact.Length > MaxColumnNameLength) break;
            var role = TableColumns.RoleOf(compact);
            if (role == ColumnRole.Unknown && NameOverTwoLines(lines, j) is int second)
            {
                header.Add((j, second));
                roles.Add(TableColumns.RoleOf(compact + Compact(lines[second].Folded)));
                j = second;
            }
            // The second half of a name whose first half names a column too (牵头 / 单位, 配合 / 部门).
            else if (role == ColumnRole.Unknown && header.Count > 0 && compact.Length <= MaxHalfNameLength
                     && header[^1].First == header[^1].Last
                     && TableColumns.RoleAcross(Compact(lines[header[^1].First].Folded), compact) == roles[^1])
                header[^1] = (header[^1].First, j);
            else if (role == ColumnRole.Unknown) break;
            else
            {
                header.Add((j, j));
                roles.Add(role);
            }
            if (header.Count > MaxColumns) return null;
        }
        if (header.Count < MinColumns || !roles.Any(r => r is ColumnRole.Lead or ColumnRole.Responsible)) return null;
        var headerRow = new TableRowBlock(header.Select(h => HeaderCell(text, lines, h.First, h.Last)).ToList(),
            new(lines[header[0].First].Start, lines[header[^1].Last].End));
        if (roles[0] != ColumnRole.Number) return blankSeparated ? null : ReadUnnumbered(text, lines, headerRow, roles, j);
        while (j < lines.Count && lines[j].Kind == LineKind.Blank) j++;
        // Group headings (一、…) may stand between the header and the first row.
        var (groups, afterGroups) = GroupLines(lines, j);
        if (afterGroups >= lines.Count || RowNumber(lines[afterGroups]) is not int number) return null;

        var rows = new List<TableRowBlock> { headerRow };
        rows.AddRange(groups.Select(g => GroupRow(text, lines[g], roles.Count)));
        var next = ReadRows(text, lines, roles, afterGroups, number, blankSeparated, byShape: false, rows);
        return rows.Count > 1 ? (rows, next) : null;
    }

    /// <summary>
    /// Reads the numbered rows from line <paramref name="j"/> (the first row's number, <paramref name="number"/>) into
    /// <paramref name="rows"/>, and returns the line after the last. <paramref name="byShape"/>: deal every row's lines by
    /// their shape, never one per cell (a table without a header, whose columns were read from the rows themselves).
    /// </summary>
    private static int ReadRows(string text, IReadOnlyList<SourceLine> lines, List<ColumnRole> roles, int j, int number,
        bool blankSeparated, bool byShape, List<TableRowBlock> rows)
    {
        var next = j;
        // The cells of the row above (lines per column), for the cells a row lacks because they were merged down; a
        // group row between them ends every merge.
        List<int>?[]? above = null;
        // The deadline column, when only remark columns (备注) follow it: a row ends with its deadline and remarks.
        var deadlineColumn = roles.FindIndex(r => r is ColumnRole.Deadline);
        var notesAfterDeadline = deadlineColumn >= 0 && roles.Skip(deadlineColumn + 1).All(r => r == ColumnRole.Note)
            ? roles.Count - 1 - deadlineColumn : -1;
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
                if (line.Kind != LineKind.Text || body.Count > 0 && BlockBuilder.StartsBlock(line.Folded) && !IsMeasure(lines, body, line))
                { isLast = true; break; }
                if (body.Count >= roles.Count - 1 && lines[j - 1].Kind == LineKind.Blank
                    && (!blankSeparated || EndsAfterUnits(lines, body, line))) { isLast = true; break; }
                // A row whose last column is a deadline ends with it, or with the remarks (备注) after it: a short
                // line before the next row's number is a remark; anything else after the deadline is not the table's.
                if (notesAfterDeadline >= 0 && body.Count >= 2 && RemarksSinceDeadline(lines, body, notesAfterDeadline) is int remarks)
                {
                    if (remarks >= notesAfterDeadline || !IsRemark(lines, j, number)) { isLast = true; break; }
                }
                body.Add(j);
            }
            if (body.Count == 0) { j = numberLine; break; }
            var cells = Cells(lines, body, roles, above, numbered: true, byShape);
            rows.Add(Row(text, lines, numberLine, body, cells));
            above = groupsAfter.Count > 0 ? null : cells;
            rows.AddRange(groupsAfter.Select(g => GroupRow(text, lines[g], roles.Count)));
            next = body[^1] + 1;
            number++;
            if (isLast) break;
        }
        return next;
    }

    /// <summary>
    /// A table copied without a 序号 column (重点任务 / 责任单位 / 完成时限): no number marks where a row starts, so each
    /// row ends with its deadline line — the last column must be the deadline. A row is the lines from the one after
    /// the previous row up to the next line that reads as a deadline, two at least and at most a few more than the
    /// columns, none a blank line, a heading or a label line (a numbered measure inside a cell is no heading). Group
    /// headings (一、…) may stand between rows. The table ends at a blank line, or where no such row follows; only
    /// copies without a blank line after each cell are read this way (with one, a blank line would say nothing about
    /// where the table ends). The task list numbers the rows 1, 2, … as for any table without a number column.
    /// </summary>
    private static (List<TableRowBlock> Rows, int Next)? ReadUnnumbered(
        string text, IReadOnlyList<SourceLine> lines, TableRowBlock header, List<ColumnRole> roles, int j)
    {
        if (roles[^1] != ColumnRole.Deadline || !roles.Contains(ColumnRole.Task)) return null;
        var rows = new List<TableRowBlock> { header };
        var next = ReadUnnumberedRows(text, lines, roles, j, blankSeparated: false, byShape: false, rows);
        return rows.Count > 1 ? (rows, next) : null;
    }

    /// <summary>
    /// The rows of a table without numbers from line <paramref name="j"/>, each ending with its deadline line, into
    /// <paramref name="rows"/>; returns the line after the last. <paramref name="blankSeparated"/>: the copy has a blank
    /// line after every cell, so blank lines are skipped and the rows' shapes alone say where the table ends.
    /// <paramref name="byShape"/>: deal the lines by shape, never one per cell (columns read from the rows).
    /// </summary>
    private static int ReadUnnumberedRows(string text, IReadOnlyList<SourceLine> lines, List<ColumnRole> roles, int j,
        bool blankSeparated, bool byShape, List<TableRowBlock> rows)
    {
        var next = j;
        List<int>?[]? above = null;
        while (j < lines.Count)
        {
            // A blank line after a row ends the table: this layout has none between cells.
            if (lines[j].Kind == LineKind.Blank && !blankSeparated) break;
            var (groups, start) = GroupLines(lines, j);
            if (UnnumberedRow(lines, start, roles.Count, blankSeparated) is not { } body) break;
            rows.AddRange(groups.Select(g => GroupRow(text, lines[g], roles.Count)));
            if (groups.Count > 0) above = null;
            var cells = Cells(lines, body, roles, above, numbered: false, byShape);
            rows.Add(Row(text, lines, null, body, cells));
            above = cells;
            next = j = body[^1] + 1;
        }
        return next;
    }

    /// <summary>The lines of a row of a table without numbers, starting at <paramref name="start"/>: up to its deadline line.</summary>
    private static List<int>? UnnumberedRow(IReadOnlyList<SourceLine> lines, int start, int columns, bool skipBlanks = false)
    {
        var body = new List<int>();
        for (var k = start; k < lines.Count && body.Count < columns + MaxExtraRowLines; k++)
        {
            var line = lines[k];
            if (line.Kind == LineKind.Debris || line.Kind == LineKind.Blank && skipBlanks) continue;
            if (line.Kind != LineKind.Text || RowNumber(line) is not null) return null;
            if (BlockBuilder.StartsBlock(line.Folded) && !(body.Count > 0 && IsMeasure(lines, body, line))) return null;
            // The task comes first: a row does not open with units or a deadline.
            if (body.Count == 0 && (line.IsDeadlineCell || LooksLikeUnits(line.Folded.Trim()))) return null;
            body.Add(k);
            if (body.Count >= 2 && line.IsDeadlineCell) return body;
        }
        return null;
    }

    /// <summary>
    /// What <see cref="UnnumberedRow"/> needs at the least, checked without building anything: a deadline line after
    /// the first within a row's reach, before any line that is not text or is a row number. This is tried at every line
    /// of a document, and almost no line of prose has it (docs/benchmarks.md, ninth pass).
    /// </summary>
    private static bool DeadlineLineWithin(IReadOnlyList<SourceLine> lines, int start, int columns, bool skipBlanks)
    {
        var seen = 0;
        for (var k = start; k < lines.Count && seen < columns + MaxExtraRowLines; k++)
        {
            var line = lines[k];
            if (line.Kind == LineKind.Debris || line.Kind == LineKind.Blank && skipBlanks) continue;
            if (line.Kind != LineKind.Text || RowNumber(line) is not null) return false;
            seen++;
            if (seen >= 2 && line.IsDeadlineCell) return true;
        }
        return false;
    }

    // Lines a row of a table without numbers may have beyond one per column (cells wrapped over two lines).
    private const int MaxExtraRowLines = 4;

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

    /// <summary>A group heading line of a flattened table: 一、… / （二）…, short, no 。, not a row number.</summary>
    internal static bool IsGroupLine(SourceLine line) =>
        line.Kind == LineKind.Text && RowNumber(line) is null && !line.Folded.Contains('。')
        && line.Folded.Length <= MaxGroupLineLength && HeadingMarker.Read(line.Folded) is not null;

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

    /// <summary>
    /// How many lines of the row follow its last deadline line (its remarks so far), or null when the row has no
    /// deadline line among its last lines.
    /// </summary>
    private static int? RemarksSinceDeadline(IReadOnlyList<SourceLine> lines, List<int> body, int notes)
    {
        for (var k = 0; k <= notes && k < body.Count - 1; k++)
            if (LooksLikeDeadline(lines[body[^(k + 1)]].Folded.Trim())) return k;
        return null;
    }

    /// <summary>A remark cell (备注: 已纳入省考核, 长期): a short line with no 。 that the next row's number follows.</summary>
    private static bool IsRemark(IReadOnlyList<SourceLine> lines, int line, int number)
    {
        var folded = lines[line].Folded.Trim();
        if (folded.Length > MaxRemarkLength || folded.Contains('。') || RowNumber(lines[line]) is not null) return false;
        for (var k = line + 1; k < lines.Count; k++)
        {
            if (lines[k].Kind is LineKind.Blank or LineKind.Debris) continue;
            return RowNumber(lines[k]) is int n && n > number && IsRowStart(lines, k);
        }
        return false;
    }

    private const int MaxRemarkLength = 30;

    /// <summary>
    /// A numbered measure inside a task cell (1.完成… / （1）… / ①…, as a 具体措施 cell lists them): a line with an
    /// Arabic or circled marker while the row has no units or deadline line yet, so its text cells are not complete.
    /// </summary>
    private static bool IsMeasure(IReadOnlyList<SourceLine> lines, List<int> body, SourceLine line) =>
        StartsMeasure(line.Folded) && !body.Any(b => LooksLikeUnits(lines[b].Folded.Trim()) || LooksLikeDeadline(lines[b].Folded.Trim()));

    /// <summary>A line opening with the number of a measure: 1. / （1） / ①.</summary>
    private static bool StartsMeasure(string folded) =>
        HeadingMarker.Read(folded.TrimStart()) is { Style: MarkerStyle.Arabic or MarkerStyle.ParenArabic or MarkerStyle.Circled };

    private static MappedText HeaderCell(string text, IReadOnlyList<SourceLine> lines, int first, int last) =>
        first == last ? CellText.From(text, lines[first].Start, lines[first].End)
            : MappedText.Concat([CellText.From(text, lines[first].Start, lines[first].End), CellText.From(text, lines[last].Start, lines[last].End)]);

    /// <summary>
    /// Deals a row's lines to its columns (the number line is the caller's). With one line per cell, one each.
    /// Otherwise by what the lines look like: a last line that reads as a deadline goes to the deadline column (and
    /// short lines after it to remark columns); the unit lines before it fill the units columns; the rest is the task
    /// text, split between two text columns (重点任务 | 具体措施) at the first numbered measure. A row that lacks a
    /// cell merged down over several rows takes it from <paramref name="above"/>: the deadline, and the units columns
    /// before its unit lines when those lines name the units the row above holds further right (a 牵头单位 merged over
    /// two tasks: the second row has only its 配合单位).
    /// </summary>
    private static List<int>?[] Cells(IReadOnlyList<SourceLine> lines, List<int> body, List<ColumnRole> roles, List<int>?[]? above, bool numbered, bool byShape)
    {
        // The first column the row's lines go to: after the number's, or the first of a table without numbers.
        var firstColumn = numbered ? 1 : 0;
        // Lines ending mid-list (、，) continue on the next line: one piece.
        var pieces = new List<List<int>>();
        foreach (var b in body)
        {
            if (pieces.Count > 0 && lines[pieces[^1][^1]].Folded.TrimEnd() is { Length: > 0 } prev && prev[^1] is '、' or ',')
                pieces[^1].Add(b);
            else
                pieces.Add([b]);
        }

        if (byShape) JoinUnitNamesBrokenAtLineEnd(lines, pieces);

        var cells = new List<int>?[roles.Count];
        var textColumns = Enumerable.Range(firstColumn, roles.Count - firstColumn).Where(c => roles[c] is ColumnRole.Task or ColumnRole.Target).ToList();
        if (textColumns.Count == 0) textColumns.Add(firstColumn);
        var unitColumns = Enumerable.Range(firstColumn, roles.Count - firstColumn)
            .Where(c => roles[c] is ColumnRole.Lead or ColumnRole.Responsible or ColumnRole.Cooperating).ToList();
        var deadlineColumn = roles.FindIndex(r => r is ColumnRole.Deadline);
        var noteColumns = Enumerable.Range(deadlineColumn + 1, deadlineColumn < 0 ? 0 : roles.Count - 1 - deadlineColumn)
            .Where(c => roles[c] == ColumnRole.Note).ToList();

        // One line per cell, unless a line plainly is not of its column's kind (a row short of a merged units cell
        // whose task cell runs over one line more): a numbered measure in a units column, or the deadline elsewhere
        // than in the deadline column.
        if (!byShape && pieces.Count == roles.Count - firstColumn && Enumerable.Range(firstColumn, pieces.Count).All(c =>
                roles[c] is ColumnRole.Lead or ColumnRole.Responsible or ColumnRole.Cooperating ? !StartsMeasure(lines[pieces[c - firstColumn][0]].Folded)
                : roles[c] is not ColumnRole.Deadline || LooksLikeDeadline(Joined(lines, pieces[c - firstColumn]))
                    || !pieces.Any(p => LooksLikeDeadline(Joined(lines, p)))))
        {
            for (var k = 0; k < pieces.Count; k++) cells[k + firstColumn] = pieces[k];
            return cells;
        }

        var end = pieces.Count;
        if (deadlineColumn > firstColumn)
        {
            // Remarks after the deadline: as many short lines as there are remark columns, the deadline before them.
            for (var notes = Math.Min(noteColumns.Count, end - 2); notes >= 0; notes--)
            {
                if (end - notes - 1 < 1 || !LooksLikeDeadline(Joined(lines, pieces[end - notes - 1]))) continue;
                for (var k = 0; k < notes; k++) cells[noteColumns[k]] = pieces[end - notes + k];
                end -= notes;
                cells[deadlineColumn] = pieces[--end];
                break;
            }
        }
        var unitStart = end;
        while (unitStart > 1 && end - unitStart < unitColumns.Count && LooksLikeUnits(Joined(lines, pieces[unitStart - 1])))
            unitStart--;
        var unitPieces = pieces.GetRange(unitStart, end - unitStart);
        var shift = UnitShift(lines, unitPieces, unitColumns, above);
        for (var k = 0; k < unitPieces.Count; k++) cells[unitColumns[k + shift]] = unitPieces[k];

        var text = pieces.Take(unitStart).ToList();
        var split = textColumns.Count > 1 && text.Count > 1 ? MeasuresStart(lines, text) : text.Count;
        cells[textColumns[0]] = text.Take(split).SelectMany(p => p).ToList();
        if (split < text.Count) cells[textColumns[1]] = text.Skip(split).SelectMany(p => p).ToList();

        // Cells merged down from the row above: the units columns before the row's own (when it names some) and the
        // deadline. A row with no units line at all keeps its units cells empty: the task list gives such a row the
        // units of the task above (the same rule as for any table).
        if (above is not null)
        {
            if (unitPieces.Count > 0)
                for (var k = 0; k < shift; k++) cells[unitColumns[k]] = above[unitColumns[k]];
            if (deadlineColumn > firstColumn && cells[deadlineColumn] is null) cells[deadlineColumn] = above[deadlineColumn];
        }
        return cells;
    }

    /// <summary>
    /// A units cell wrapped inside a name, as a PDF viewer copies a narrow cell (`市自然资源和规划局、市政务服务管` /
    /// `理局`): a piece whose names before its last 、 are whole unit names, followed by a short piece that completes the
    /// last name, is one piece. Only where the rows are dealt by shape (no header says how many lines a row has).
    /// </summary>
    private static void JoinUnitNamesBrokenAtLineEnd(IReadOnlyList<SourceLine> lines, List<List<int>> pieces)
    {
        for (var k = 0; k + 1 < pieces.Count; k++)
        {
            var first = Joined(lines, pieces[k]);
            var second = Joined(lines, pieces[k + 1]);
            var lastComma = first.LastIndexOf('、');
            if (lastComma <= 0 || second.Length > MaxNameTailLength || LooksLikeUnits(first) || !LooksLikeUnits(first[..lastComma])
                || !LooksLikeUnits(first + second)) continue;
            pieces[k].AddRange(pieces[k + 1]);
            pieces.RemoveAt(k + 1);
        }
    }

    // The part of a unit name a narrow cell wraps onto its next line (理局, 展改革委, 管委会).
    private const int MaxNameTailLength = 6;

    /// <summary>
    /// How many units columns a row's unit lines stand right of the first: 0 (filled from the left: a row without its
    /// 配合单位) unless the lines, placed further right, name more of the units the row above holds in those columns
    /// than placed from the left — the units columns before them were then merged down from the row above.
    /// </summary>
    private static int UnitShift(IReadOnlyList<SourceLine> lines, List<List<int>> unitPieces, List<int> unitColumns, List<int>?[]? above)
    {
        var room = unitColumns.Count - unitPieces.Count;
        if (room <= 0 || unitPieces.Count == 0 || above is null || above[unitColumns[0]] is not { Count: > 0 }) return 0;
        int Shared(int shift)
        {
            var shared = 0;
            for (var k = 0; k < unitPieces.Count; k++)
                if (above[unitColumns[k + shift]] is { Count: > 0 } cell)
                    shared += UnitNames(Joined(lines, unitPieces[k])).Intersect(UnitNames(Joined(lines, cell))).Count();
            return shared;
        }
        var best = 0;
        var bestShared = Shared(0);
        for (var shift = 1; shift <= room; shift++)
            if (Shared(shift) is var s && s > bestShared) (best, bestShared) = (shift, s);
        return best;
    }

    /// <summary>The names in a units cell, cut at the separators a cell uses.</summary>
    private static IEnumerable<string> UnitNames(string folded) =>
        folded.Split(['、', ',', ';', ' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.TrimEnd('等'));

    /// <summary>
    /// Where the second text column (具体措施 beside 重点任务) starts among a row's text pieces: at the first piece after
    /// the first that opens with a numbered measure (1. / （1） / ①); else after the first piece when that one reads as
    /// a cell of its own (a short title with no clause punctuation, or a sentence ending in 。), not as a line wrapped
    /// in its cell; else nowhere (all of it is the task text).
    /// </summary>
    private static int MeasuresStart(IReadOnlyList<SourceLine> lines, List<List<int>> text)
    {
        for (var k = 1; k < text.Count; k++)
            if (StartsMeasure(lines[text[k][0]].Folded)) return k;
        var first = Joined(lines, text[0]);
        var title = first.Length <= MaxTitleCellLength && first.AsSpan().IndexOfAny("，,、；;：:。") < 0;
        return title || first.EndsWith('。') ? 1 : text.Count;
    }

    private const int MaxTitleCellLength = 30;

    private static TableRowBlock Row(string text, IReadOnlyList<SourceLine> lines, int? numberLine, List<int> body, List<int>?[] cells)
    {
        if (numberLine is int n) cells[0] = [n];
        var mapped = new List<MappedText>();
        foreach (var cell in cells)
            mapped.Add(cell is { Count: > 0 }
                ? MappedText.Concat(cell.Select(l => CellText.From(text, lines[l].Start, lines[l].End)).ToList()).Trim()
                : new MappedText("", []));
        return new TableRowBlock(mapped, new(lines[numberLine ?? body[0]].Start, lines[body[^1]].End));
    }

    private static string Joined(IReadOnlyList<SourceLine> lines, List<int> piece) =>
        string.Concat(piece.Select(l => lines[l].Folded)).Trim();

    private static bool LooksLikeDeadline(string folded) => CellShape.IsDeadline(folded);

    private static bool LooksLikeUnits(string folded) => CellShape.IsUnits(folded);

    private static int? RowNumber(SourceLine line)
    {
        var s = line.Folded.Trim().TrimEnd('.', '、');
        return line.Kind == LineKind.Text && s.Length is > 0 and <= 4 && s.All(char.IsAsciiDigit) ? int.Parse(s) : null;
    }

    private static string Compact(string folded) => string.Concat(folded.Where(c => !char.IsWhiteSpace(c)));
}
