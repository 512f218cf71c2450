using Duban.Core.Tracking.Status;
using Duban.Parsing.Model;

namespace Duban.Core.Tests.Tracking.Status;

public sealed class StatusReasonsTests
{
    private static readonly DateOnly Due = new(2026, 12, 31);

    private static AssignmentStanding Lead(string name, TrackingStatus status, int? daysLeft = 5) => new(name, UnitRole.Lead, new StatusResult(status, false, daysLeft));

    private static AssignmentStanding Cooperating(string name, TrackingStatus status) => new(name, UnitRole.Cooperating, new StatusResult(status, false, 5));

    [Fact]
    public void Two_leads_of_which_one_has_finished_say_which_one_holds_the_task_back()
    {
        var text = StatusReasons.Explain(new StatusResult(TrackingStatus.DueSoon, false, 5), Due, false,
            [Lead("市教育局", TrackingStatus.Completed), Lead("市财政局", TrackingStatus.InProgress), Cooperating("市人社局", TrackingStatus.Completed)]);

        text.ShouldBe("距完成时限2026年12月31日还有 5 天；2 个牵头单位中 1 个已完成，未完成：市财政局。");
    }

    [Fact]
    public void Overdue_today_and_completed_late_read_as_such()
    {
        StatusReasons.Explain(new StatusResult(TrackingStatus.Overdue, false, -3), Due, false, [Lead("市教育局", TrackingStatus.Overdue, -3)])
            .ShouldBe("已超过完成时限2026年12月31日 3 天；牵头单位市教育局：逾期。");
        StatusReasons.Explain(new StatusResult(TrackingStatus.DueSoon, false, 0), Due, false, [Lead("市教育局", TrackingStatus.DueSoon, 0)])
            .ShouldStartWith("今天（2026年12月31日）到期");
        StatusReasons.Explain(new StatusResult(TrackingStatus.Completed, true, -10), Due, false, [Lead("甲", TrackingStatus.Completed), Lead("乙", TrackingStatus.Completed)])
            .ShouldBe("完成时限2026年12月31日，完成晚于时限；2 个牵头单位均已完成。");
    }

    [Fact]
    public void Awaiting_a_baseline_names_the_leads_that_have_not_stated()
    {
        StatusReasons.Explain(new StatusResult(TrackingStatus.AwaitingBaseline, false, -300), Due, false,
                [Lead("甲县", TrackingStatus.AwaitingBaseline), Lead("乙县", TrackingStatus.InProgress)])
            .ShouldBe("已超过完成时限2026年12月31日 300 天；完成时限早于计划的跟踪起始日，2 个中有 1 个牵头单位尚未填报摸底（初始状态）：甲县。");
    }

    [Fact]
    public void No_lead_no_deadline_and_many_leads_are_explained()
    {
        StatusReasons.Explain(new StatusResult(TrackingStatus.NotStarted, false, null), null, false, [Cooperating("乙", TrackingStatus.NotStarted)])
            .ShouldBe("没有完成时限；该任务没有牵头单位，无人能报告完成：请在“编辑任务”中指定牵头单位。");
        var counties = Enumerable.Range(1, 7).Select(i => Lead($"{i}县", TrackingStatus.OngoingMissingReport, null)).ToList();
        StatusReasons.Explain(new StatusResult(TrackingStatus.OngoingMissingReport, false, null), null, true, counties)
            .ShouldBe("长期推进的任务，按周期报送进展；7 个牵头单位中 0 个已完成，未完成：1县、2县、3县、4县、5县等 7 个单位；未报送上一周期进展：1县、2县、3县、4县、5县等 7 个单位。");
    }

    [Fact]
    public void The_short_reason_of_the_lists_is_the_one_the_task_page_gives()
    {
        List<AssignmentStanding> standings = [Lead("甲", TrackingStatus.Completed), Lead("乙", TrackingStatus.Overdue, -2), Cooperating("丙", TrackingStatus.Completed)];
        var task = new StatusResult(TrackingStatus.Overdue, false, -2);

        var shortReason = StatusReasons.LeadsCompleted(task.Status, standings.Select(a => (a.Role, a.Status.Status)));

        shortReason.ShouldBe("2 个牵头单位中 1 个已完成");
        StatusReasons.Explain(task, Due, false, standings).ShouldContain(shortReason!);
        StatusReasons.Label(task, shortReason).ShouldBe("逾期（2 个牵头单位中 1 个已完成）");
        StatusReasons.Label(new StatusResult(TrackingStatus.Completed, true, -3), null).ShouldBe("已完成（逾期完成）");
        // One lead, none done, or all done: nothing to add.
        StatusReasons.LeadsCompleted(TrackingStatus.Overdue, [(UnitRole.Lead, TrackingStatus.Completed)]).ShouldBeNull();
        StatusReasons.LeadsCompleted(TrackingStatus.Overdue, [(UnitRole.Lead, TrackingStatus.Overdue), (UnitRole.Lead, TrackingStatus.Overdue)]).ShouldBeNull();
        StatusReasons.LeadsCompleted(TrackingStatus.Completed, [(UnitRole.Lead, TrackingStatus.Completed), (UnitRole.Lead, TrackingStatus.Completed)]).ShouldBeNull();
    }
}
