using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/pipe-cell-per-line.txt: a '|' table written one cell per line ("1 |", "任务 |", "单位 |", "时限 |"), one task
/// cell running over two lines, units separated by spaces, under a title line in the main text.
/// </summary>
public sealed class PipeCellPerLineSample : SampleTest
{
    protected override string FileName => "pipe-cell-per-line.txt";

    protected override string ExpectedTitle => "南浦县职业教育综合改革试点工作方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Table, Body, "南浦县职业教育综合改革试点任务清单",
            T("1", "制定县职教中心混合所有制办学试点方案", "县教育局; 县财政局; 县国资办", "2022年10月", "due=2022-10-31"),
            T("2", "在县职教中心机电、护理两个专业开展现代学徒制试点", "县人社局; 县教育局", "2023年", "due=2023-12-31"),
            T("3", "建立县级职业教育专项经费", "县财政局", "2022年起实施", "start=2022-01-01 ongoing"),
            T("4", "建立职业教育联席会议制度", "县政府办公室; 县教育局", "长期坚持", "ongoing")),
    ];

    [Fact]
    public void A_cell_over_two_lines_is_one_text()
    {
        AllTasks.Single(t => t.No == "2").Text.ShouldBe(
            "在县职教中心机电、护理两个专业开展现代学徒制试点，与合作企业共同制定人才培养方案，共同组织考核评价。");
    }

    [Fact]
    public void The_numbered_run_in_headings_are_not_tasks()
    {
        // （一）创新办学体制。… and （二）… carry no units: they stay headings.
        Doc.Sections.Single(s => s.Title == "试点任务").Children.Select(c => c.Title).ShouldBe(["创新办学体制", "改革人才培养模式"]);
    }
}
