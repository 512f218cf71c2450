using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/decimal-numbering.txt: a county's 任务分解方案 numbering its tasks 1.1 1.2 / 2.1 2.2 / 3.1 3.2 under group
/// headings 1. 2. 3. (themselves under 二、重点任务), written 1.1 / 2.2. / ３．１ (full width) / 3.2、; task 2.1 lists
/// its parts 2.1.1 2.1.2 with its fields on label lines after them; fields in brackets, as a 牵头…配合 clause and on
/// label lines; figures that must not be read as markers (95.5%, 1.5亿元, 1.2倍, 3.0版, 2024.6), one at a line start.
/// </summary>
public sealed class DecimalNumberingSample : SampleTest
{
    protected override string FileName => "decimal-numbering.txt";

    protected override string ExpectedTitle => "南浦县职业教育质量提升三年行动任务分解方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "重点任务",
            T("1.1", "调整专业结构。", "县教育局 | 县发展改革局; 县工业和信息化局", "2025年12月底前", "due=2025-12-31"),
            T("1.2", "建设骨干专业。遴选骨干专业4个，按照专业教学标准3.0版修订", "县教育局 | 县财政局", null),
            T("2.1", "实施教师素质提升计划。主要包括：2.1.1每年选派", "县教育局 | 县人力资源社会保障局", "2027年12月底前", "due=2027-12-31"),
            T("2.2", "完善兼职教师聘用办法。", "县人力资源社会保障局; 县教育局", "2025年9月", "due=2025-09-30"),
            T("3.1", "共建实训基地。", "县教育局 | 县工业和信息化局", "2026年6月底前", "due=2026-06-30"),
            T("3.2", "推行现代学徒制。", "县教育局; 县职教中心", "2026年9月", "due=2026-09-30")),
    ];

    [Fact]
    public void A_decimal_task_stands_under_the_group_heading_of_its_first_number()
    {
        AllTasks.Select(t => $"{t.No} {t.SectionPath[^1]}").ShouldBe([
            "1.1 1.优化专业布局", "1.2 1.优化专业布局", "2.1 2.加强教师队伍建设", "2.2 2.加强教师队伍建设",
            "3.1 3.深化产教融合", "3.2 3.深化产教融合"]);
        AllTasks.ShouldAllBe(t => t.SectionPath[0] == "二、重点任务");
    }

    [Fact]
    public void Parts_numbered_a_level_down_are_the_text_of_their_task()
    {
        var task = AllTasks.Single(t => t.No == "2.1");
        task.Text.ShouldContain("2.1.2每年组织全员培训不少于72学时。");
        AllTasks.ShouldNotContain(t => t.No.StartsWith("2.1.", StringComparison.Ordinal));
        // Nor headings: 2.1.2 is short and ends with 。, which alone would make it a run-in heading.
        Doc.Sections.Single(s => s.Marker == "二、").Children.Select(s => $"{s.Marker} {s.Children.Count}").ShouldBe(["1. 0", "2. 0", "3. 0"]);
    }

    [Fact]
    public void A_tasks_span_starts_at_its_number_as_written()
    {
        Doc.Text[AllTasks.Single(t => t.No == "3.1").Span.Start..].ShouldStartWith("３．１ 共建实训基地");
        Doc.Text[AllTasks.Single(t => t.No == "2.2").Span.Start..].ShouldStartWith("2.2.完善兼职教师聘用办法");
    }

    [Fact]
    public void Figures_are_read_as_targets_not_as_markers()
    {
        Doc.Targets.Select(t => $"{t.Value}{t.Unit}").ShouldBe(["95.5%", "1.5亿元"]);
        // 1.5亿元 opens a paragraph under （一）加强经费保障 and stays its text: no heading, no task, no warning.
        var guarantees = Doc.Sections.Single(s => s.Marker == "三、");
        guarantees.Children.Select(s => s.Marker).ShouldBe(["（一）", "（二）"]);
        guarantees.Children[0].Children.ShouldBeEmpty();
    }
}
