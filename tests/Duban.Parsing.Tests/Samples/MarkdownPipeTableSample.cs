using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/markdown-pipe-table.txt: a '|' table one row per line, as Markdown writes it (a rule line |:---:|), with
/// group rows whose other cells are empty; signature and date after the table.
/// </summary>
public sealed class MarkdownPipeTableSample : SampleTest
{
    protected override string FileName => "markdown-pipe-table.txt";

    protected override string ExpectedTitle => "东川区职业教育服务乡村振兴任务清单";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Table, Body, null,
            T("1", "开设现代农艺、农村电子商务等涉农专业", "区教育局 | 区农业农村局", "2022年秋季学期开学前", "due=2022-09-01"),
            T("2", "实施高素质农民学历提升行动", "区农业农村局 | 区教育局; 区财政局", "每年12月底前", "due=2022-12-31 ongoing yearly"),
            T("3", "组织职业院校教师下乡开展种植养殖技术培训", "区农业农村局 | 区教育局; 各镇人民政府", "长期坚持", "ongoing"),
            T("4", "建设乡村振兴实训基地2个", "区教育局 | 区乡村振兴局", "2023年第二季度", "due=2023-06-30")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各镇人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void Group_rows_become_section_paths()
    {
        AllTasks.Select(t => $"{t.No} {string.Join(" > ", t.SectionPath)}").ShouldBe(
        [
            "1 一、培养乡村振兴人才",
            "2 一、培养乡村振兴人才",
            "3 二、开展农村实用技术培训",
            "4 二、开展农村实用技术培训",
        ]);
    }

    [Fact]
    public void Issued_by_the_signature() => Doc.IssueDate.ShouldBe(new DateOnly(2022, 2, 18));
}
