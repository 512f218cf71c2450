using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/split-title-label-lines.txt: a notice issuing a 任务分解和责任分工方案 whose title is set over two lines
/// with a blank line between them (东川区2025年职业教育重点工作 / 任务分解和责任分工方案); targets and tasks numbered 1. 2.
/// across 一、主要预期目标 and 二、重点工作任务, each followed by 牵头单位: / 责任单位: / 完成时限: lines with ASCII colons
/// and commas, a blank line after every line; a 工作专班 as a unit, 各街道, a department without its prefix (税务局).
/// </summary>
public sealed class SplitTitleLabelLinesSample : SampleTest
{
    protected override string FileName => "split-title-label-lines.txt";

    protected override string ExpectedTitle => "东川区2025年职业教育重点工作任务分解和责任分工方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "重点工作任务",
            T("1", "中等职业学校毕业生就业率保持在95%以上。", "区教育局 | 区人社局; 各中等职业学校", null),
            T("2", "新增补贴性职业技能培训1.2万人次。", "区人社局 | 区教育局; 各街道; 区总工会", null),
            T("3", "建设区域产教联合体。", "区教育局 | 区工信局; 东川经开区管委会; 全区产教融合工作专班", "2025年12月底前", "due=2025-12-31"),
            T("4", "推进职业学校实训基地共享。", "区教育局 | 区财政局; 区税务局", "2025年9月底前", "due=2025-09-30"),
            T("5", "落实中职学生资助政策。", "区教育局 | 区财政局; 各中等职业学校", "每学期", "ongoing semester")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind>
        {
            ["各中等职业学校"] = CollectiveKind.Schools,
            ["各街道"] = CollectiveKind.SubordinateGovernments,
        };

    [Fact]
    public void The_title_set_over_two_lines_is_one_title_with_one_span()
    {
        Doc.NoticeTitle.ShouldBe("东川区人民政府关于印发《东川区2025年职业教育重点工作任务分解和责任分工方案》的通知");
        Doc.DocNumber.ShouldBe("东政发〔2025〕3号");
        var span = Doc.TitleSpan!.Value;
        Doc.Text[span.Start..span.End].ShouldBe("东川区2025年职业教育重点工作\n\n任务分解和责任分工方案");
    }
}
