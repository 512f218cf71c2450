using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/deadline-forms.txt: one task per deadline form (quarters, 每年…, ranges, Chinese numerals, 上半年, semesters,
/// start forms, ongoing, …前完成并长期坚持). Issued 2022-03-15, which year-less forms take.
/// </summary>
public sealed class DeadlineFormsSample : SampleTest
{
    protected override string FileName => "deadline-forms.txt";

    protected override string ExpectedTitle => "西岭市职业院校办学能力提升行动实施方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "主要任务",
            T("1", "实施办学条件达标工程。", "市教育局; 市财政局", "2022年第三季度", "due=2022-09-30"),
            T("2", "开展专业设置年度评估。", "市教育局", "每年12月底前", "due=2022-12-31 ongoing yearly"),
            T("3", "实施“三教”改革三年行动。", "市教育局; 各职业院校", "2021—2023年", "start=2021-01-01 due=2023-12-31"),
            T("4", "完成职业院校教师编制核定。", "市委编办; 市教育局; 市人社局", "二〇二二年六月底", "due=2022-06-30"),
            T("5", "启动市级优质专业遴选。", "市教育局; 市财政局", "上半年", "due=2022-06-30"),
            T("6", "推行学分制改革。", "市教育局", "2023年春季学期开始实施", "start=2023-03-01 ongoing"),
            T("7", "加强学生资助工作。", "市教育局; 市财政局", "长期坚持", "ongoing"),
            T("8", "建成市职教中心新校区。", "市发展改革委; 市教育局", "2022年秋季学期开学前", "due=2022-09-01"),
            T("9", "出台职业院校绩效工资改革办法。", "市人社局; 市财政局", "2022年10月前", "due=2022-09-30"),
            T("10", "建立质量年报制度。", "各职业院校", "2022年6月底前完成并长期坚持", "due=2022-06-30 ongoing"),
            T("11", "实施中职学校生均拨款制度。", "市财政局", "2022年起实施", "start=2022-01-01 ongoing"),
            T("12", "开展校长能力提升培训。", "市教育局", "持续实施", "ongoing")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各职业院校"] = CollectiveKind.Schools };

    [Fact]
    public void Signature_and_date_close_the_main_text()
    {
        Doc.Issuer.ShouldBe("西岭市教育局");
        Doc.IssueDate.ShouldBe(new DateOnly(2022, 3, 15));
    }
}
