using static Duban.Parsing.Tests.Support.Passages;
using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// The hidden real documents include excerpts of 分工表: a few rows copied alone, without the header row. Cut out of a
/// table sample — from the line a row starts on to the line a later row ends on, no title and no header — any run of
/// rows reads as the whole sample reads them there: same task text, same units in the same roles, same deadlines. The
/// columns are then read from the rows' shapes (TableColumns.FromContent, LineCellTableReader.TryReadHeaderless).
/// A run whose first row takes a cell merged down from a row above it is skipped (the excerpt has no such cell).
/// </summary>
public sealed class TableExcerptTests
{
    // Table samples whose columns a headerless run can show: a number or a last deadline column, a task column, units
    // columns in 牵头–配合 order. Not here: tables whose meaning lives in the header alone (具体措施 beside 重点任务,
    // 备注, 量化指标, a header over two rows naming a 配合-only column), which no excerpt without it can tell.
    public static TheoryData<string> Samples() => new()
    {
        "tab-table.txt", "cell-per-line-table.txt", "cell-per-line-excerpt.txt", "merged-leading-column.txt",
        "unnumbered-cell-per-line.txt", "markdown-pipe-table.txt", "pipe-cell-per-line.txt",
        "headerless-cell-per-line.txt", "headerless-tab-excerpt.txt", "headerless-unnumbered-cell-per-line.txt",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Rows_cut_without_the_header_read_as_the_whole_table_does(string sample)
    {
        var doc = SampleFiles.Parse(sample);
        var checkedRuns = 0;
        foreach (var list in doc.TaskLists.Where(l => l.Layout == TaskListLayout.Table))
        {
            for (var size = 2; size <= 3; size++)
            for (var i = 0; i + size <= list.Tasks.Count; i++)
            {
                var want = list.Tasks.Skip(i).Take(size).ToList();
                // Rows of one table keep increasing numbers; a run into the next table would bring its header along.
                if (!OwnCells(want[0]) || !Increasing(want)) continue;
                var passage = doc.Text[LineStart(doc.Text, want[0].Span.Start)..LineEnd(doc.Text, want[^1].Span.End)];
                var got = new PlanParser().Parse(System.Text.Encoding.UTF8.GetBytes(passage), "excerpt.txt").TaskLists.SelectMany(l => l.Tasks).ToList();
                var where = $"{sample}, rows {want[0].No}–{want[^1].No}";
                got.Select(t => Compact(t.Text)).ShouldBe(want.Select(t => Compact(t.Text)), where);
                for (var k = 0; k < size; k++)
                {
                    UnitsOf(got[k]).ShouldBe(UnitsOf(want[k]), $"{where}: units of row {want[k].No}");
                    // A deadline without its year (年底前) takes the year of the document's title, which a run of rows has not.
                    if (want[k].Deadline is { } deadline && !HasYear(deadline.Raw)) continue;
                    got[k].Deadline?.Due.ShouldBe(want[k].Deadline?.Due, $"{where}: deadline of row {want[k].No}");
                    (got[k].Deadline is null).ShouldBe(want[k].Deadline is null, $"{where}: deadline of row {want[k].No}");
                }
                checkedRuns++;
            }
        }
        checkedRuns.ShouldBeGreaterThan(0, sample);
    }

    /// <summary>Whether the row's units and deadline stand in the row itself, not in a cell merged down from above.</summary>
    private static bool OwnCells(PlanTask task) =>
        task.Units.All(u => u.Span.Start >= task.Span.Start && u.Span.End <= task.Span.End)
        && (task.Deadline is null || task.Deadline.Span.Start >= task.Span.Start && task.Deadline.Span.End <= task.Span.End);

    private static bool Increasing(List<PlanTask> run) =>
        run.Zip(run.Skip(1)).All(p => int.TryParse(p.First.No, out var a) && int.TryParse(p.Second.No, out var b) && b > a);

    private static bool HasYear(string raw) => System.Text.RegularExpressions.Regex.IsMatch(raw, @"(19|20)\d\d");
}
