using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/mixed-clause-labels.txt: a city bureau's 工作要点 whose closing brackets mix a clause of roles with labels
/// (（X牵头，Y、Z配合；完成时限：…）, （X、Y按职责分工负责；时间：…）), a clause closing the text while a label line below names
/// only the deadline, the role alone as a label (（牵头：X；配合：Y、Z）), 指导 and 统筹 as role words, a unit ending in 馆;
/// and an annex 项目清单 as a tab table whose group rows lost their tabs, the first one standing between the header and
/// the first row.
/// </summary>
public sealed class MixedClauseLabelsSample : SampleTest
{
    protected override string FileName => "mixed-clause-labels.txt";

    protected override string ExpectedTitle => "西岭市教育局2026年职业教育工作要点";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, null,
            T("1", "推进中高职贯通培养", "职成科 | 发展规划科; 市招生考试中心", "2026年8月", "due=2026-08-31"),
            T("2", "建设职业教育专业教学资源库", "职成科 | 市电化教育馆", null),
            T("3", "完善职业学校督导评估办法", "各县区教育局 | 市教育督导室", "2026年11月", "due=2026-11-30"),
            T("4", "实施中职学校办学条件达标工程", "计财科 | 职成科; 各县区教育局", "2026年底前", "due=2026-12-31"),
            T("5", "建立市级职业教育工作联席会议制度", "市政府办公室; 市教育局 | 市人社局; 市发展改革委", null),
            T("6", "加强“双师型”教师队伍建设", "教师工作科; 职成科", "2026年12月底前", "due=2026-12-31")),
        List(Table, Body, null,
            T("1", "依托西岭经开区组建市域产教联合体", "市教育局 | 西岭经开区管委会; 市工业和信息化局", "2026年9月底前", "due=2026-09-30"),
            T("2", "组建智能制造行业产教融合共同体", "市工业和信息化局 | 市教育局", "2026年12月底前", "due=2026-12-31"),
            T("3", "建成市级公共实训基地", "市人社局 | 市财政局", "10月底前", "due=2026-10-31")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各县区教育局"] = CollectiveKind.Other };

    [Fact]
    public void The_clause_is_cut_from_the_task_text()
    {
        var tasks = Doc.TaskLists[0].Tasks;
        tasks[0].Text.ShouldBe("推进中高职贯通培养，新增“3+2”贯通专业点4个。");
        tasks[2].Text.ShouldBe("完善职业学校督导评估办法，开展中职学校办学能力评估。");
        tasks[3].Text.ShouldBe("实施中职学校办学条件达标工程，2026年底前达标率达到90%以上。");
    }

    [Fact]
    public void The_table_rows_stand_under_their_group_rows()
    {
        var tasks = Doc.TaskLists[1].Tasks;
        tasks[0].SectionPath[^1].ShouldBe("一、产教融合平台");
        tasks[2].SectionPath[^1].ShouldBe("二、实训基地");
    }
}
