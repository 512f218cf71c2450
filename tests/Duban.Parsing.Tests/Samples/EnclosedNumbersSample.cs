using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/enclosed-numbers.txt: a county bureau's 工作要点 dividing its work among its own offices (股室), the tasks
/// numbered ⒈⒉⒊ (one character each, as Word's autoformat leaves them) under 一、二、三、, the parts of one task
/// numbered ⑴⑵ with its fields on label lines after them; 责任股室 / 牵头股室 / 配合股室 in closing brackets; a
/// deadline only in a task's text (2025年8月底前完成…).
/// </summary>
public sealed class EnclosedNumbersSample : SampleTest
{
    protected override string FileName => "enclosed-numbers.txt";

    protected override string ExpectedTitle => "云岭县教育局2025年职业教育工作要点";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "任务清单",
            T("1", "推进中职学校布局调整。", "职成股; 计财股", "2025年8月底前", "due=2025-08-31"),
            T("2", "加强专业动态调整。", "职成股 | 教研室", "2025年9月", "due=2025-09-30"),
            T("3", "实施“双师型”教师培养计划。主要包括：⑴每年选派", "人事股 | 职成股", "2025年12月底前", "due=2025-12-31"),
            T("4", "办好全县职业技能大赛。", "职成股; 教研室", "每年5月", "due=2025-05-31 ongoing yearly"),
            T("5", "推进教学诊断与改进。", "职成股", "2025年12月底前", "due=2025-12-31"),
            T("6", "落实生均拨款制度。", "计财股", "长期坚持", "ongoing"),
            T("7", "改善实训条件。", "计财股 | 职成股; 基建办", "2026年6月底前", "due=2026-06-30")),
    ];

    [Fact]
    public void Enclosed_numbers_are_read_as_the_arabic_numbers_they_stand_for()
    {
        // ⒈ is 1. and ⑴ is （1）: the task's section path is its 一、 heading, and ⑴⑵ are parts of task 3, not tasks.
        AllTasks.Select(t => t.SectionPath[^1]).Distinct().ShouldBe(["一、优化职业教育布局", "二、提升办学质量", "三、强化条件保障"]);
        AllTasks.Single(t => t.No == "3").Text.ShouldContain("⑵聘请企业技术骨干担任兼职教师不少于30人");
        Doc.Sections.ShouldAllBe(s => s.Children.Count == 0, "⑵ is a part of task 3, not a heading");
    }

    [Fact]
    public void A_tasks_span_starts_at_its_enclosed_number()
    {
        var first = AllTasks.First();
        Doc.Text[first.Span.Start..].ShouldStartWith("⒈推进中职学校布局调整");
    }
}
