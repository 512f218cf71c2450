using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/hard-wrapped.txt: text as extracted from a PDF, every line broken at 20 cells (in the middle of the title,
/// of headings, of words and of field labels: "…；完成" / "时限：…"), with blank lines and page numbers (— 2 —) in
/// between, even in the middle of a task.
/// </summary>
public sealed class HardWrappedSample : SampleTest
{
    protected override string FileName => "hard-wrapped.txt";

    protected override string ExpectedTitle => "西岭市推进职业教育东西部协作和对口帮扶工作实施方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "重点任务",
            // The label 完成时限 is broken over two lines: 完成 is not a unit.
            T("1", "开展学校结对帮扶。", "市教育局; 市乡村振兴局", "2022年12月底前", "due=2022-12-31"),
            T("2", "共建特色专业。", "市教育局", "2023年", "due=2023-12-31"),
            T("3", "实施联合招生计划。", "市教育局; 市财政局", "每年9月底前", "due=2022-09-30 ongoing yearly"),
            T("4", "推动毕业生就业创业。", "市人力资源和社会保障局", "长期坚持", "ongoing")),
    ];

    [Fact]
    public void Wrapped_headings_are_whole()
    {
        Doc.Sections.Select(s => s.Title).ShouldBe(["工作目标", "重点任务", "保障措施"]);
        Doc.Sections[1].Children.Select(s => s.Title).ShouldBe(["深化职业院校结对帮扶和专业共建共享", "扩大联合招生和劳务协作规模"]);
    }

    [Fact]
    public void Page_numbers_and_breaks_leave_no_trace_in_task_texts()
    {
        AllTasks.Single(t => t.No == "1").Text.ShouldBe(
            "开展学校结对帮扶。组织市内4所职业院校与协作地区职业院校一对一结对，在专业建设、师资培训、管理咨询等方面开展帮扶。");
        AllTasks.Single(t => t.No == "4").Text.ShouldBe(
            "推动毕业生就业创业。组织用人单位赴协作地区开展专场招聘，促进职业院校毕业生来西岭就业。");
    }

    [Fact]
    public void Issued_by_the_signature()
    {
        Doc.Issuer.ShouldBe("西岭市教育局");
        Doc.IssueDate.ShouldBe(new DateOnly(2022, 5, 20));
    }
}
