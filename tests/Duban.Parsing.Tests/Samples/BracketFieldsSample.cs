using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/bracket-fields-mid-numbering.txt: an excerpt numbered from 204, fields in square brackets
/// [责任单位:…] and 【牵头单位：…，责任单位：…】 (a comma between lead and partners), an unlabelled 【…牵头，…配合】, a
/// deadline in the text, and a last task cut off mid-clause, dropped with task.truncated.
/// </summary>
public sealed class BracketFieldsSample : SampleTest
{
    protected override string FileName => "bracket-fields-mid-numbering.txt";

    protected override string ExpectedTitle => "东川区职业教育重点工作任务清单（节选）";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, null,
            // 责任单位 alone: all lead.
            T("204", "推动区职业技术学校与园区企业共建实训中心", "区教育局; 区经济委", null),
            // 责任单位 beside a 牵头单位: cooperating.
            T("205", "建立校企合作项目库", "区经济委 | 区教育局; 区人力资源社会保障局", "2024年12月底前", "due=2024-12-31"),
            T("206", "支持专业教师到企业挂职锻炼", "区教育局 | 区国资委; 区经济委", null),
            T("207", "完善职业技能竞赛体系", "区人力资源社会保障局; 区教育局", null),
            T("208", "搭建区级职业教育信息化平台", "区教育局 | 区科委", "2025年底前", "due=2025-12-31")),
    ];

    protected override IReadOnlyList<string> ExpectedWarningCodes => [WarningCodes.TruncatedTask];

    [Fact]
    public void The_bracket_is_cut_from_the_text()
    {
        Doc.TaskLists[0].Tasks[0].Text.ShouldBe("推动区职业技术学校与园区企业共建实训中心，开展订单培养。");
        Doc.TaskLists[0].Tasks[2].Text.ShouldBe("支持专业教师到企业挂职锻炼，每年选派不少于30名。");
    }
}
