using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/notice-wrapping-plan.txt: masthead (…文件), 发文字号 in [] brackets, 关于印发《…》的通知, recipients, a short
/// notice body, the plan's own title, a preamble citing two documents, tasks, signature and a date in Chinese numerals.
/// </summary>
public class NoticeWrappingPlanSample : SampleTest
{
    protected override string FileName => "notice-wrapping-plan.txt";

    protected override string ExpectedTitle => "青禾市深化现代职业教育体系建设改革实施方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "重点任务",
            T("1", "完善现代职业教育体系。", "市教育局; 市发展改革委", "2023年12月底前", "due=2023-12-31"),
            T("2", "深化产教融合。", "市发展改革委; 市工业和信息化局; 市教育局", "2024年", "due=2024-12-31"),
            T("3", "加强“双师型”教师队伍建设。", "市教育局; 市人力资源和社会保障局", "长期坚持", "ongoing"),
            T("4", "提升职业教育保障水平。", "市财政局; 各县（市、区）人民政府", "2022年底前", "due=2022-12-31")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各县（市、区）人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void Notice_title_issuer_number_and_date()
    {
        Doc.NoticeTitle.ShouldBe("青禾市人民政府办公室关于印发《青禾市深化现代职业教育体系建设改革实施方案》的通知");
        Doc.Issuer.ShouldBe("青禾市人民政府办公室");
        Doc.DocNumber.ShouldBe("青政办发〔2022〕15号");
        Doc.DocNumberParts.ShouldBe(new DocNumberParts("青政办发", 2022, 15));
        Doc.IssueDate.ShouldBe(new DateOnly(2022, 3, 8));
    }

    [Fact]
    public void Recipients()
    {
        Doc.Recipients.Select(r => r.Name).ShouldBe(["各县（市、区）人民政府", "市政府各部门", "各有关单位"]);
    }

    [Fact]
    public void Basis()
    {
        Doc.Basis.Select(b => $"《{b.Title}》{b.DocNumber}").ShouldBe(
        [
            "《江岚省人民政府关于推动现代职业教育高质量发展的实施意见》江政发〔2021〕27号",
            "《江岚省教育厅等九部门关于印发〈江岚省职业教育产教融合赋能提升行动方案〉的通知》江教发〔2021〕112号",
        ]);
    }

    [Fact]
    public void Spans_of_the_metadata()
    {
        At(Doc.Text, Doc.DocNumberSpan!.Value).ShouldBe("青政办发[2022]15号");
        At(Doc.Text, Doc.IssueDateSpan!.Value).ShouldBe("二〇二二年三月八日");
        At(Doc.Text, Doc.TitleSpan!.Value).ShouldBe(ExpectedTitle);
    }
}
