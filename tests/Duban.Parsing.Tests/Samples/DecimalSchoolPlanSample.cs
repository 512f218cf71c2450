using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/decimal-school-plan.txt: a school's 任务书 numbering its tasks 2.1 2.2 right under 二、重点任务 (no 2. of its
/// own), each a title line, a text line and label lines (责任部门 / 配合部门 / 完成时间); 2.3 groups 2.3.1 2.3.2, which
/// name their own departments and so are tasks of the same list, 2.3 a heading. Lines under 一、建设目标 open with figures (92.5分,
/// 2024.6 in the text) that fit no numbering and stay text.
/// </summary>
public sealed class DecimalSchoolPlanSample : SampleTest
{
    protected override string FileName => "decimal-school-plan.txt";

    protected override string ExpectedTitle => "东川区职业技术学校2025年专业建设任务书";

    // Tasks one level down (2.3.1) are tasks of the same list, in the order written (2.3 groups them, no task).
    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "重点任务",
            T("2.1", "修订人才培养方案", "教务处 | 各专业部", "2025年7月", "due=2025-07-31"),
            T("2.2", "建设“双师型”教师队伍", "人事处 | 教务处", "2025年12月", "due=2025-12-31"),
            T("2.3.1", "建成工业机器人实训室1个", "实训处", "2025年10月", "due=2025-10-31"),
            T("2.3.2", "与合作企业共建校外实习基地5个。", "招生就业处 | 实训处", "2025年11月", "due=2025-11-30")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各专业部"] = CollectiveKind.Other };

    [Fact]
    public void A_grouping_decimal_heading_stays_in_the_heading_tree()
    {
        var tasks = Doc.TaskLists.Single().Tasks.Where(t => t.No.StartsWith("2.3.", StringComparison.Ordinal)).ToList();
        tasks.Count.ShouldBe(2);
        tasks.ShouldAllBe(t => t.SectionPath.SequenceEqual(new[] { "二、重点任务", "2.3加强实训基地建设" }));
        var group = Doc.Sections.Single(s => s.Marker == "二、").Children.Single();
        (group.Marker, group.Style, group.Number, group.Title).ShouldBe(("2.3", MarkerStyle.Decimal, 3, "加强实训基地建设"));
    }

    [Fact]
    public void A_figure_at_a_line_start_that_fits_no_numbering_is_no_marker()
    {
        Doc.Sections.Single(s => s.Marker == "一、").Children.ShouldBeEmpty();
        Doc.Targets.ShouldContain(t => t.Value == 98.5m && t.Unit == "%");
    }
}
