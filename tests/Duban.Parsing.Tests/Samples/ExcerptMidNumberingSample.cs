using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>samples/excerpt-mid-numbering.txt: an excerpt whose tasks are numbered from 52, under （十二） and （十三）.</summary>
public sealed class ExcerptMidNumberingSample : SampleTest
{
    protected override string FileName => "excerpt-mid-numbering.txt";

    protected override string ExpectedTitle => "青禾市落实职业教育改革重点任务清单（节选）";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, null,
            T("52", "完善职业教育经费投入机制。", "市财政局; 市教育局", "2022年", "due=2022-12-31"),
            // 市委编办、人社局、教育局: the prefix is 市 (委 belongs to the party organ 市委编办).
            T("53", "落实职业院校办学自主权。", "市委编办; 市人社局; 市教育局", "2022年9月底前", "due=2022-09-30"),
            // 责任单位 beside 配合单位 (no 牵头单位): the 责任单位 lead.
            T("54", "改革职业院校绩效工资分配办法。", "市人社局; 市财政局 | 市教育局", "2023年6月底前", "due=2023-06-30"),
            T("55", "提高技术技能人才待遇。", "市人社局; 市总工会", "长期坚持", "ongoing"),
            T("56", "建立职业教育督导评估制度。", "市政府教育督导室", "2022年12月底前", "due=2022-12-31")),
    ];

    [Fact]
    public void Section_paths_follow_the_headings()
    {
        AllTasks.Select(t => $"{t.No} {string.Join(" > ", t.SectionPath)}").ShouldBe(
        [
            "52 （十二）健全职业教育保障机制",
            "53 （十二）健全职业教育保障机制",
            "54 （十二）健全职业教育保障机制",
            "55 （十二）健全职业教育保障机制",
            "56 （十三）加强督导评估",
        ]);
    }
}
