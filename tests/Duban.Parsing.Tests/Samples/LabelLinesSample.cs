using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/label-lines-restart.txt: 牵头单位： / 配合单位： / 完成时限： on lines of their own after each task, numbering
/// restarting at 1 in each （一）（二） section, one label value wrapped onto the next line in the middle of a name.
/// </summary>
public sealed class LabelLinesSample : SampleTest
{
    protected override string FileName => "label-lines-restart.txt";

    protected override string ExpectedTitle => "南浦市职业教育改革发展重点任务分工方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "重点任务及分工",
            T("1", "整合中等职业学校资源。", "市教育局 | 市财政局; 市人力资源社会保障局; 市自然资源局",
                "2022年9月前完成并长期坚持", "due=2022-08-31 ongoing"),
            // 东川、西岭区人民政府: the shared tail 区人民政府; 文化广电和旅|游局 wrapped mid-name.
            T("2", "推动高职院校扩容提质。", "市教育局; 东川区人民政府; 西岭区人民政府 | 市发展改革委; 市财政局; 市文化广电和旅游局; 市工业和信息化局",
                "2023年12月前完成", "due=2023-11-30"),
            T("3", "完善职业教育经费投入机制。", "市财政局", "2022年", "due=2022-12-31"),
            T("1", "建设产教融合实训基地。", "市发展改革委; 市教育局 | 市工业和信息化局; 各县（区）人民政府", "2023年6月底前", "due=2023-06-30"),
            T("2", "推行现代学徒制。", "市人力资源社会保障局 | 市教育局; 市总工会", "长期坚持", "ongoing")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各县（区）人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void Restarted_numbers_keep_their_sections()
    {
        AllTasks.Select(t => $"{t.No} {t.SectionPath[^1]}").ShouldBe(
        [
            "1 （一）优化职业教育布局结构",
            "2 （一）优化职业教育布局结构",
            "3 （一）优化职业教育布局结构",
            "1 （二）深化产教融合校企合作",
            "2 （二）深化产教融合校企合作",
        ]);
    }
}
