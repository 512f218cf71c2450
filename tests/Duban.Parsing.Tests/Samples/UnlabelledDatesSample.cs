using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/unlabelled-dates.txt: deadlines written without a label at the end of a closing clause
/// （X牵头，Y按职责分工负责；2025年底前完成）, （X负责，Y配合，持续推进）, of a bare unit list （X，Y，2024年6月底前）
/// and of a labelled units field （责任单位：X；2024年）; labels in square brackets without a colon
/// 【牵头单位】X【配合单位】Y【完成时限】…, inline and on lines of their own.
/// </summary>
public sealed class UnlabelledDatesSample : SampleTest
{
    protected override string FileName => "unlabelled-dates.txt";

    protected override string ExpectedTitle => "江南省职业教育改革重点任务分工方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "任务清单",
            T("1", "推动中高职一体化培养", "省教育厅 | 省发展改革委; 省人力资源社会保障厅", "2025年底前完成", "due=2025-12-31"),
            T("2", "建设省级高水平职业院校20所", "省教育厅 | 省财政厅", "持续推进", "ongoing"),
            T("3", "支持职业院校开设社区教育课程", "省教育厅; 省民政厅", "2024年6月底前", "due=2024-06-30"),
            T("4", "完善职业教育学分银行制度", "省教育厅", "2024年", "due=2024-12-31"),
            T("5", "培育省级产教融合型企业100家", "省发展改革委 | 省教育厅; 省工业和信息化厅", "2023—2025年", "due=2025-12-31 start=2023-01-01"),
            T("6", "组建省域产教联合体", "省教育厅; 省科技厅", "每年", "ongoing yearly")),
    ];

    [Fact]
    public void Bracketed_labels_are_not_task_text() =>
        AllTasks.ShouldAllBe(t => !t.Text.Contains("【") && !t.Text.Contains("单位"));
}
