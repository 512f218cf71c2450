using Duban.Parsing.Model;

namespace Duban.Cli.Tests;

public sealed class PlanSummaryTests
{
    private static readonly SourceSpan Anywhere = new(0, 0);

    [Fact]
    public void A_deadline_shows_its_due_date_after_the_text_as_written()
    {
        PlanSummary.DeadlineText(new Deadline { Raw = "2022年底", Due = new DateOnly(2022, 12, 31), Span = Anywhere })
            .ShouldBe("2022年底 → 2022-12-31");
    }

    [Fact]
    public void An_ongoing_or_recurring_deadline_says_so()
    {
        PlanSummary.DeadlineText(new Deadline { Raw = "长期坚持", Ongoing = true, Span = Anywhere }).ShouldBe("长期坚持 → 长期");
        PlanSummary.DeadlineText(new Deadline { Raw = "每年年底前", Recurrence = Recurrence.Yearly, Span = Anywhere }).ShouldBe("每年年底前 → 每年");
    }

    [Fact]
    public void An_unread_or_absent_deadline_shows_only_what_is_written()
    {
        PlanSummary.DeadlineText(new Deadline { Raw = "适时", Understood = false, Span = Anywhere }).ShouldBe("适时");
        PlanSummary.DeadlineText(null).ShouldBe("");
    }

    [Fact]
    public void Long_task_text_is_cut_with_an_ellipsis_and_never_inside_a_surrogate_pair()
    {
        var text = new string('任', 40);
        PlanSummary.Shorten(text, 30).ShouldBe(new string('任', 30) + "…");
        PlanSummary.Shorten("短文本", 30).ShouldBe("短文本");
        PlanSummary.Shorten("一二𠀀三", 3).ShouldBe("一二…");
    }

    [Fact]
    public void A_task_counts_the_warnings_that_point_into_it_and_marks_the_primary_lead()
    {
        var task = new PlanTask
        {
            No = "7",
            Text = "推进某项工作",
            Span = new SourceSpan(10, 20),
            Units =
            [
                Unit("市教育局", UnitRole.Lead, primary: true),
                Unit("市财政局", UnitRole.Lead),
                Unit("市人社局", UnitRole.Cooperating),
            ],
        };
        var document = new PlanDocument
        {
            Source = new SourceInfo("text", "utf-8", 0, ""),
            Text = new string(' ', 40),
            TaskLists = [new TaskList { Name = "重点任务", Location = TaskListLocation.Body, Layout = TaskListLayout.Paragraphs, Span = new SourceSpan(0, 30), Tasks = [task] }],
            Warnings =
            [
                new ParseWarning("deadline.unreadable", "在任务里", new SourceSpan(12, 14)),
                new ParseWarning("unit.unrecognised", "也在任务里", new SourceSpan(19, 25)),
                new ParseWarning("task.outsideList", "任务之后", new SourceSpan(20, 22)),
                new ParseWarning("document.noTitle", "没有位置"),
            ],
        };

        var row = PlanSummary.From("plan.txt", document).TaskLists.ShouldHaveSingleItem().Tasks.ShouldHaveSingleItem();

        row.ShouldBe(new TaskRow("7", "推进某项工作", "市教育局★、市财政局", "市人社局", "", Warnings: 2));
    }

    private static ResponsibleUnit Unit(string name, UnitRole role, bool primary = false) =>
        new() { Name = name, Canonical = name, Role = role, Primary = primary, Span = Anywhere };
}
