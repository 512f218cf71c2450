using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/traditional-mirror.html: a plan mirrored by a Hong Kong or Taiwan site, written wholly in traditional
/// characters (牽頭單位, 責任單位, 完成時限, 各縣（區）人民政府…). It is matched as simplified text and shown as written.
/// </summary>
public sealed class TraditionalMirrorSample : SampleTest
{
    protected override string FileName => "traditional-mirror.html";

    protected override string ExpectedTitle => "青禾市深化職業教育產教融合實施方案";

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各縣（區）人民政府"] = CollectiveKind.SubordinateGovernments };

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "重點任務",
            T("1", "健全產教融合工作機制。", "市發展改革委 | 市教育局; 市財政局", "2022年9月底前", "due=2022-09-30"),
            T("2", "擴大職業院校技能培訓規模。", "市人力資源社會保障局; 市教育局; 各縣（區）人民政府", "每年12月底前", "ongoing yearly"),
            T("3", "建設市域產教聯合體。", "青禾經濟技術開發區管委會 | 市工業和信息化局; 市國資委", "2023年6月底前", "due=2023-06-30")),
    ];

    [Fact]
    public void Units_are_shown_as_written_and_matched_in_simplified_characters()
    {
        AllTasks.SelectMany(t => t.Units).Select(u => $"{u.Name}={u.Canonical}").ShouldBe(
        [
            "市發展改革委=市发展和改革委员会",
            "市教育局=市教育局",
            "市財政局=市财政局",
            "市人力資源社會保障局=市人力资源和社会保障局",
            "市教育局=市教育局",
            "各縣（區）人民政府=各县（区）人民政府",
            "青禾經濟技術開發區管委會=青禾经济技术开发区管委会",
            "市工業和信息化局=市工业和信息化局",
            "市國資委=市人民政府国有资产监督管理委员会",
        ]);
    }

    [Fact]
    public void The_text_keeps_its_traditional_characters()
    {
        Doc.Text.ShouldContain("（牽頭單位：市發展改革委；配合單位：市教育局、市財政局；完成時限：2022年9月底前）");
    }
}
