using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>samples/traditional-labels.txt: labels in traditional characters (責任單位, 牽頭單位, 協辦單位, 完成時限, 時間進度…).</summary>
public sealed class TraditionalLabelsSample : SampleTest
{
    protected override string FileName => "traditional-labels.txt";

    protected override string ExpectedTitle => "东川区加快发展现代职业教育实施意见";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        // The tasks are the run-in headings （一）…（四）, numbered across the 一、二、 sections.
        List(Paragraphs, Body, null,
            T("1", "推动中高职衔接。", "区教育局; 区发展改革局", "2022年12月底前", "due=2022-12-31"),
            T("2", "办好社区教育和老年教育。", "区教育局 | 区民政局; 区文化和旅游局", "2023年6月底前", "due=2023-06-30"),
            T("3", "培育产教融合型企业。", "区发展改革局 | 区教育局; 区财政局; 区税务局", "2023年", "due=2023-12-31"),
            T("4", "建设共享型实训基地。", "区工业和信息化局; 区教育局", "2022年", "due=2022-12-31")),
    ];
}
