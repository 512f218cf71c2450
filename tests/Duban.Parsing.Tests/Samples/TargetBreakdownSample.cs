using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/target-breakdown.txt: a district's breakdown of its 政府工作报告 (目标任务责任分解), as district offices publish
/// them: every target and task a heading （一）…（九） — some without any punctuation — with its units on label lines in
/// half-width punctuation (责任单位:X / 牵头单位:X / 责任单位:Y,Z, 责任单位 being the cooperating units where a 牵头单位 is
/// named); numbering runs on across 一、二、三、. No 完成时限 field: the deadlines are year-less dates in the text
/// (9月底前, 6月30日前, 年底前, 每年3月底前) in the year the title names; 3年底前 (a count of years) and 次年6月底前 (the
/// year after) are none.
/// </summary>
public sealed class TargetBreakdownSample : SampleTest
{
    protected override string FileName => "target-breakdown.txt";

    protected override string ExpectedTitle => "东川区2025年《政府工作报告》主要目标任务责任分解方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "任务清单",
            T("1", "地区生产总值增长6%左右", "区发展和改革局", null),
            T("2", "规模以上工业增加值增长8%以上", "区科技和经信局", null),
            T("3", "城镇新增就业3500人以上", "区人社局", null),
            T("4", "推动东川经济开发区扩区调位", "东川经济开发区管委会 | 区发展和改革局; 区招商服务中心", null),
            T("5", "建成区级产业创新中心1个", "区科技和经信局 | 区财政局; 区市场监管局", "9月底前", "due=2025-09-30"),
            T("6", "实施中小企业梯度培育行动", "区科技和经信局 | 区市场监管局", "每年3月底前", "due=2025-03-31 ongoing Yearly"),
            T("7", "新建改建社区养老服务站8个", "区民政局; 各街道办事处", "6月30日前", "due=2025-06-30"),
            T("8", "完成老旧小区改造12个", "区住房城乡建设局 | 各街道办事处; 区城管执法局", "年底前", "due=2025-12-31"),
            T("9", "推进区中医医院迁建项目", "区卫生健康局; 区发展和改革局", null)),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各街道办事处"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void Targets_written_as_headings_stand_under_their_part()
    {
        Doc.TaskLists[0].Tasks[0].SectionPath.ShouldBe(["一、2025年全区经济社会发展的主要预期目标"]);
        Doc.TaskLists[0].Tasks[8].SectionPath.ShouldBe(["三、办好民生实事"]);
    }
}
