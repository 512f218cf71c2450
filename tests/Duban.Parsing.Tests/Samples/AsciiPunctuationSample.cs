using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/ascii-punctuation-fields.txt: ASCII punctuation everywhere, (牵头单位:…;责任单位:…;完成时限:…) and commas
/// instead of semicolons between fields; a 责任单位 next to a 牵头单位 is cooperating.
/// </summary>
public sealed class AsciiPunctuationSample : SampleTest
{
    protected override string FileName => "ascii-punctuation-fields.txt";

    protected override string ExpectedTitle => "青禾市职业技能培训扩容提质工作方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "重点任务",
            T("1", "开展企业职工岗位技能提升培训.", "市人社局 | 市工信局; 市财政局", "2022年12月底前", "due=2022-12-31"),
            // Fields separated by commas.
            T("2", "实施农村转移劳动力技能培训.", "市农业农村局 | 市人社局; 市乡村振兴局", "2023年6月底前", "due=2023-06-30"),
            T("3", "开展退役军人职业技能培训.", "市退役军人事务局 | 市教育局; 各县（市、区）人民政府", "2022年", "due=2022-12-31"),
            T("4", "建设公共实训基地.", "市发改委 | 市人社局; 市教育局; 青禾职业技术学院", "2023年", "due=2023-12-31"),
            // 责任单位 alone: all lead, the first primary.
            T("5", "推行职业技能等级认定.", "市人社局; 市教育局; 市市场监管局", "2022年9月", "due=2022-09-30")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各县（市、区）人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void Basis_document_number_is_normalised()
    {
        var basis = Doc.Basis.ShouldHaveSingleItem();
        basis.Title.ShouldBe("江岚省职业技能提升行动实施方案(2021-2023年)");
        basis.DocNumber.ShouldBe("江政办发〔2021〕33号");
    }

    [Fact]
    public void Short_names_get_their_canonical_form()
    {
        var units = AllTasks.SelectMany(t => t.Units).ToList();
        units.First(u => u.Name == "市人社局").Canonical.ShouldBe("市人力资源和社会保障局");
        units.First(u => u.Name == "市发改委").Canonical.ShouldBe("市发展和改革委员会");
        units.First(u => u.Name == "市市场监管局").Canonical.ShouldBe("市市场监督管理局");
    }

    [Fact]
    public void Headings_in_ascii_brackets_are_sections()
    {
        var tasks = Doc.Sections.Single(s => s.Title == "重点任务").Children;
        tasks.Select(s => (s.Style, s.Number, s.Title)).ShouldBe(
        [
            (MarkerStyle.ParenChineseNumeral, 1, "扩大培训规模"),
            (MarkerStyle.ParenChineseNumeral, 2, "提升培训质量"),
        ]);
        AllTasks.First().SectionPath.ShouldBe(["二、重点任务", "(一)扩大培训规模"]);
    }
}
