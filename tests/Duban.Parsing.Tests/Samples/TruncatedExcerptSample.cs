using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/truncated-excerpt.txt: a page copied from a website, with navigation lines above the title, cut off in the
/// middle of its fifth task, which has no units yet: it is dropped with a task.truncated warning.
/// </summary>
public sealed class TruncatedExcerptSample : SampleTest
{
    protected override string FileName => "truncated-excerpt.txt";

    protected override string ExpectedTitle => "东川区推进职业教育产教融合实施方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "重点任务",
            T("1", "建立产教融合联席机制。", "区发展改革局; 区教育局", "2022年6月底前", "due=2022-06-30"),
            T("2", "推进校企共建专业。", "区教育局; 区工业和信息化局", "2023年", "due=2023-12-31"),
            T("3", "建设企业实践基地。", "区人力资源社会保障局; 区教育局", "2022年12月底前", "due=2022-12-31"),
            T("4", "落实产教融合激励政策。", "区财政局; 区税务局", "长期坚持", "ongoing")),
    ];

    protected override IReadOnlyList<string> ExpectedWarningCodes => [WarningCodes.TruncatedTask];

    [Fact]
    public void The_truncated_task_is_named_in_the_warning()
    {
        var warning = Doc.Warnings.Single(w => w.Code == WarningCodes.TruncatedTask);
        warning.Span.ShouldNotBeNull();
        At(Doc.Text, warning.Span.Value).ShouldStartWith("5.规范学生实习管理。");
    }

    [Fact]
    public void Navigation_lines_are_not_the_title_or_its_preamble()
    {
        Doc.TitleSpan.ShouldNotBeNull();
        At(Doc.Text, Doc.TitleSpan.Value).ShouldBe(ExpectedTitle);
        Doc.Issuer.ShouldBeNull();
    }
}
