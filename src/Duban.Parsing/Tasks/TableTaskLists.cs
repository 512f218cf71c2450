using Duban.Parsing.Model;
using Duban.Parsing.Structure;
using Duban.Parsing.Tables;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tasks;

/// <summary>
/// Reads tables: a header row names the columns (序号 / 工作任务 / 责任部门 / 完成时限 …); group rows (一、加快推进…)
/// between task rows become part of the tasks' section paths; repeated headers (a table continued over pages) are
/// skipped; an empty units cell under a filled one is a merged cell and takes the value above. A table with unit
/// columns is a task list, one without is an other list.
/// </summary>
internal static class TableTaskLists
{
    public static (List<TaskList> TaskLists, List<OtherList> OtherLists) Read(ParseContext context, IReadOnlyList<Block> blocks, Outline outline)
    {
        var taskLists = new List<TaskList>();
        var otherLists = new List<OtherList>();
        TableColumns? before = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not TableRowBlock) continue;
            var end = TableEnd(blocks, i);
            var table = new TableReading(context, blocks, outline, i, end);
            table.Read(before);
            before = table.Columns ?? before;
            if (table.Tasks.Count > 0)
                taskLists.Add(new TaskList
                {
                    Name = table.Name, Location = table.Location, Layout = TaskListLayout.Table, Span = table.Span, Tasks = table.Tasks,
                });
            else if (table.Items.Count > 0)
                otherLists.Add(new OtherList { Name = table.Name, Span = table.Span, Items = table.Items });
            i = end - 1;
        }
        return (taskLists, otherLists);
    }

    /// <summary>A table runs over its rows and over group headings written as paragraphs between rows.</summary>
    private static int TableEnd(IReadOnlyList<Block> blocks, int start)
    {
        var end = start;
        for (var j = start; j < blocks.Count; j++)
        {
            if (blocks[j] is TableRowBlock) { end = j + 1; continue; }
            if (blocks[j] is ParagraphBlock p && HeadingMarker.Read(p.Folded) is not null && !p.Folded.Contains('。')
                && j + 1 < blocks.Count && blocks[j + 1] is TableRowBlock) continue;
            break;
        }
        return end;
    }

    private sealed class TableReading(ParseContext context, IReadOnlyList<Block> blocks, Outline outline, int start, int end)
    {
        private TableColumns? _columns;
        private string? _group;
        private PlanTask? _previous;
        private (TableRowBlock Row, string Number, List<string> Path)? _previousRow;
        // The header row just read, while the row after it may continue it (牵头单位 | 配合单位 under 责任单位).
        private IReadOnlyList<string>? _headerCells;

        public List<PlanTask> Tasks { get; } = [];
        public List<ListItem> Items { get; } = [];
        public string Name { get; private set; } = "";
        public TaskListLocation Location { get; private set; }
        public SourceSpan Span { get; private set; }

        /// <summary>The columns the table was read with (the last header's), null when it had none.</summary>
        public TableColumns? Columns => _columns;

        /// <param name="before">The columns of the table before this one in the document, if any.</param>
        public void Read(TableColumns? before)
        {
            var annex = outline.AnnexOf(start);
            Location = annex is null ? TaskListLocation.Body : TaskListLocation.Annex;
            Name = annex is { Title.Length: > 0 } ? annex.Title : NameBefore();
            Span = SourceSpan.Cover(blocks[start].Span, blocks[end - 1].Span);
            _columns = HeaderlessColumns(before);

            for (var j = start; j < end; j++)
            {
                switch (blocks[j])
                {
                    case ParagraphBlock p:
                        _group = Outline.Clean(p.Raw.Value);
                        continue;
                    case TableRowBlock row when !row.IsBlank:
                        ReadRow(row, isLast: j == blocks.Count - 1);
                        continue;
                }
            }
            if (_columns is null)
                context.Warn(WarningCodes.TableRowMalformed, "表格没有可识别的表头（序号、工作任务、责任单位等），未作为任务清单读取。", Span);
        }

        /// <summary>
        /// For a table whose first row is not a header: the columns of the table before it when it has as many (its
        /// header was printed on an earlier page, and something between the two parts — a page footnote, a line of
        /// prose — split them), else the header repeated further down (the rows were cut from the page before a
        /// page break), else the columns read from the cells (<see cref="TableColumns.FromContent"/>). Null
        /// when the table starts with a header or neither applies.
        /// </summary>
        private TableColumns? HeaderlessColumns(TableColumns? before)
        {
            var rows = Enumerable.Range(start, end - start).Select(j => blocks[j]).OfType<TableRowBlock>().Where(r => !r.IsBlank).ToList();
            if (rows.Count == 0 || TableColumns.FromHeader(rows[0].CompactCells) is not null) return null;
            var width = rows.Max(r => r.Cells.Count);
            if (before is not null && before.Roles.Count == width && before.HasUnits) return before;
            // Rows cut just above the header repeated at a page break (an excerpt starting on the page before): the
            // header below names their columns too, when the rows are as wide.
            if (rows.Skip(1).Select(r => TableColumns.FromHeader(r.CompactCells)).FirstOrDefault(h => h is not null) is { HasUnits: true } below
                && below.Roles.Count == rows[0].Cells.Count && below.IndexOf(ColumnRole.Number) is >= 0 and var n
                && IsRowNumber(rows[0].CompactCells[n]))
                return below;
            return TableColumns.FromContent(rows.Select(r => r.CompactCells).ToList());
        }

        private void ReadRow(TableRowBlock row, bool isLast)
        {
            var above = _headerCells;
            _headerCells = null;
            if (above is not null && TableColumns.SecondHeaderRow(above, row.CompactCells) is { } both && TableColumns.FromHeader(both) is { } twoRows)
            {
                _columns = twoRows;
                return;
            }
            if (TableColumns.FromHeader(row.CompactCells) is { } header)
            {
                _headerCells = row.CompactCells;
                // The header, or the header repeated on a new page; a different header starts other columns (a second
                // table after a heading), and nothing merges across it.
                if (_columns is null || !_columns.Roles.SequenceEqual(header.Roles))
                {
                    _columns = header;
                    _previous = null;
                    _previousRow = null;
                }
                return;
            }
            if (_columns is null) return;

            row = AlignAfterMergedLeadingCells(row);
            var cells = row.Cells;
            var filledIndexes = Enumerable.Range(0, cells.Count).Where(i => cells[i].Length > 0).ToList();
            if (filledIndexes.Count == 0) return;
            var hasNumberColumn = _columns.IndexOf(ColumnRole.Number) >= 0;
            var number = Cell(cells, ColumnRole.Number)?.Value.Trim() ?? "";
            if (!IsRowNumber(number))
            {
                // A group row (一、加快推进…): one filled cell, a heading or a cell merged from the first column.
                var only = filledIndexes.Count == 1 ? cells[filledIndexes[0]] : null;
                if (only is not null && (filledIndexes[0] == 0 || HeadingMarker.Read(CharFolding.Fold(only.Span)) is not null))
                {
                    _group = Outline.Clean(only.Value);
                    return;
                }
                // A group row whose ordinal stands in the 序号 column and whose name is merged across the others
                // (一 | 搭建产教融合平台): two filled cells, the number a Chinese ordinal, no units or deadline.
                if (GroupInNumberColumn(cells, filledIndexes, number) is { } group)
                {
                    _group = group;
                    return;
                }
                // A row without a number under a task: the task's cells continued on the next page.
                if (hasNumberColumn && number.Length == 0 && _previousRow is not null)
                {
                    Continue(row);
                    return;
                }
                if (!hasNumberColumn) number = (Tasks.Count + Items.Count + 1).ToString();
            }
            Read(row, number, isLast);
        }

        private void Read(TableRowBlock row, string number, bool isLast)
        {
            var cells = row.Cells;
            var numberCell = Cell(cells, ColumnRole.Number);
            var taskCell = Cell(cells, ColumnRole.Task) ?? cells.FirstOrDefault(c => c.Length > 0 && c != numberCell) ?? new MappedText("", []);
            var path = outline.HeadingPath(start).Concat(_group is null ? [] : [_group]).ToList();
            _previousRow = (row, number, path);
            if (!_columns!.HasUnits)
            {
                Items.Add(new ListItem(number, TitleText.Clean(taskCell.Value), row.Span));
                return;
            }

            var fields = new List<TaskField>();
            AddField(fields, cells, ColumnRole.Lead, FieldKind.Lead);
            AddField(fields, cells, ColumnRole.Responsible, FieldKind.Responsible);
            AddField(fields, cells, ColumnRole.Cooperating, FieldKind.Cooperating);
            AddField(fields, cells, ColumnRole.Deadline, FieldKind.Deadline);
            var taskFields = new TaskFields(taskCell.Trim(), fields);

            if (!taskFields.HasUnits)
            {
                // An excerpt cut right after a row's number (`3` and nothing more) is no task, whatever the merged units
                // above would give it.
                if (isLast && taskCell.Trim().Length == 0)
                {
                    context.Warn(WarningCodes.TruncatedTask, $"表格第{number}行在文末被截断，只有序号，已舍弃。", row.Span);
                    return;
                }
                if (_previous is { Units.Count: > 0 } && InheritsUnits())
                {
                    var task = TaskBuilder.Build(context, number, path, taskFields, true, row.Span, Cell(cells, ColumnRole.Target));
                    Add(task with { Units = _previous.Units.Select(u => u with { }).ToList() });
                    return;
                }
                if (isLast)
                {
                    context.Warn(WarningCodes.TruncatedTask, $"表格第{number}行在文末被截断，未写明责任单位，已舍弃。", row.Span);
                    return;
                }
                context.Warn(WarningCodes.TaskWithoutUnits, $"表格第{number}行未写明责任单位。", row.Span);
            }
            Add(TaskBuilder.Build(context, number, path, taskFields, true, row.Span, Cell(cells, ColumnRole.Target)));
        }

        /// <summary>Joins a continuation row's cells to the row above, column by column, and reads the task again.</summary>
        private void Continue(TableRowBlock row)
        {
            var (previous, number, path) = _previousRow!.Value;
            var width = Math.Max(previous.Cells.Count, row.Cells.Count);
            var merged = new List<MappedText>(width);
            for (var i = 0; i < width; i++)
            {
                var above = i < previous.Cells.Count ? previous.Cells[i] : null;
                var below = i < row.Cells.Count ? row.Cells[i] : null;
                var separated = _columns!.Roles[i] is ColumnRole.Lead or ColumnRole.Responsible or ColumnRole.Cooperating or ColumnRole.Deadline;
                merged.Add(above is null ? below! : below is null || below.Length == 0 ? above
                    : above.Length == 0 ? below
                    // A units or deadline cell merged down over both rows reads the same in each (MergedCells): once.
                    : separated && below.Value == above.Value ? above
                    // Unit and deadline cells continue with a separator, so that 市教育局 + 市财政局 stay two units and
                    // 2024年底前 + 2025年6月底前 two dates; text continues as is.
                    : MappedText.Concat(separated ? [above, MappedText.Contiguous(" ", above.SourceSpan.End - 1), below] : [above, below]));
            }
            if (Tasks.Count > 0 && ReferenceEquals(Tasks[^1], _previous) && _columns!.HasUnits) Tasks.RemoveAt(Tasks.Count - 1);
            else if (Items.Count > 0 && !_columns!.HasUnits) Items.RemoveAt(Items.Count - 1);
            var combined = new TableRowBlock(merged, SourceSpan.Cover(previous.Span, row.Span));
            _previous = Tasks.Count > 0 ? Tasks[^1] : null;
            Read(combined, number, isLast: false);
        }

        /// <summary>An empty units cell under a filled one: the cell was merged vertically over several rows.</summary>
        private bool InheritsUnits() => _columns!.HasUnits;

        private void Add(PlanTask task)
        {
            Tasks.Add(task);
            _previous = task;
        }

        private void AddField(List<TaskField> fields, IReadOnlyList<MappedText> cells, ColumnRole role, FieldKind kind)
        {
            var cell = Cell(cells, role);
            if (cell is { Length: > 0 }) fields.Add(new TaskField(kind, InlineFieldReader.TrimValue(cell)));
        }

        private MappedText? Cell(IReadOnlyList<MappedText> cells, ColumnRole role)
        {
            var index = _columns!.IndexOf(role);
            return index >= 0 && index < cells.Count ? cells[index] : null;
        }

        /// <summary>
        /// A table whose leading columns come before the number (领域 | 序号 | 项目名称 | …) merges their cells down over
        /// a group's rows; copied from a page, a merged cell stands only in the first row, and the rows under it are
        /// that many cells short, starting with their number (or padded with empty cells at the end, as a converter
        /// evens the rows out). Such a row is moved right so that its number stands in the number column; the merged
        /// cells it lacks stay empty.
        /// </summary>
        private TableRowBlock AlignAfterMergedLeadingCells(TableRowBlock row)
        {
            var numberColumn = _columns!.IndexOf(ColumnRole.Number);
            var cells = row.Cells;
            var width = _columns.Roles.Count;
            if (numberColumn <= 0 || cells.Count < 2 || cells.Count <= numberColumn
                || !IsRowNumber(cells[0].Value.Trim()) || IsRowNumber(cells[numberColumn].Value.Trim()))
                return row;
            var kept = Math.Min(cells.Count, width - numberColumn);
            for (var k = kept; k < cells.Count; k++)
                if (cells[k].Value.Trim().Length > 0) return row;
            var empty = new MappedText("", []);
            return new TableRowBlock([.. Enumerable.Repeat(empty, numberColumn), .. cells.Take(kept)], row.Span);
        }

        /// <summary>"一、搭建产教融合平台" for a row 一 | 搭建产教融合平台 (the name in the cell after 序号 or in the task column), else null.</summary>
        private string? GroupInNumberColumn(IReadOnlyList<MappedText> cells, List<int> filled, string number)
        {
            var numberColumn = _columns!.IndexOf(ColumnRole.Number);
            if (numberColumn < 0 || filled.Count != 2 || filled[0] != numberColumn || !IsChineseOrdinal(number)) return null;
            var name = filled[1];
            if (name != numberColumn + 1 && name != _columns.IndexOf(ColumnRole.Task)) return null;
            var ordinal = number.Trim().TrimEnd('、', '.', '．', ' ');
            var marker = ordinal.StartsWith('（') || ordinal.StartsWith('(') ? ordinal : ordinal + "、";
            return marker + Outline.Clean(cells[name].Value);
        }

        private static bool IsChineseOrdinal(string s)
        {
            var t = s.Trim().Trim('（', '）', '(', ')').TrimEnd('、', '.', '．');
            return t.Length is > 0 and <= 3 && t.All(c => "一二三四五六七八九十".Contains(c));
        }

        private static bool IsRowNumber(string s) => s.Length is > 0 and <= 4 && s.All(char.IsAsciiDigit);

        /// <summary>For a table in the main text: the title-like paragraph just above it, or the heading it is under.</summary>
        private string NameBefore()
        {
            if (start > 0 && blocks[start - 1] is ParagraphBlock p && !p.Folded.Contains('。') && WrapWidth.Of(p.Folded) <= 60)
                return Outline.Clean(p.Raw.Value);
            var path = outline.HeadingPath(start);
            return path.Count > 0 ? path[^1] : TaskList.PlainName;
        }
    }
}
