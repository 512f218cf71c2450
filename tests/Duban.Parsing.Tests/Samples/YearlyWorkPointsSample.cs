using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/yearly-work-points.txt: a county bureau's 2025年工作要点, issued on 2024年12月26日, whose 完成时限 name no
/// year (6月底前, 三季度, 9月前, 5月中旬, 全年, 下半年, 年底前, 12月底前, 按学期拨付, 每季度末): they fall in the year the
/// title names, not in the issue year. The last task closes with a clause naming 股室 and 各乡镇.
/// </summary>
public sealed class YearlyWorkPointsSample : SampleTest
{
    protected override string FileName => "yearly-work-points.txt";

    protected override string ExpectedTitle => "云岭县2025年职业教育和技能培训工作要点";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "任务清单",
            T("1", "完成县职教中心实训楼主体工程", "计财股 | 县职教中心", "6月底前", "due=2025-06-30"),
            T("2", "落实中职学校生均公用经费拨款", "计财股 | 县财政局", "按学期拨付", "ongoing semester"),
            T("3", "开展中职学校办学能力评估", "职成股 | 教研室", "三季度", "due=2025-09-30"),
            T("4", "做好中职学校秋季招生工作", "职成股 | 各初级中学", "9月前", "due=2025-08-31"),
            T("5", "组织全县职业院校技能大赛", "职成股 | 县总工会", "5月中旬", "due=2025-05-20"),
            T("6", "推进“岗课赛证”综合育人", "职成股 | 县人社局", "全年", "due=2025-12-31"),
            T("7", "开展教师教学能力比赛", "教师股 | 教研室", "下半年", "due=2025-12-31"),
            T("8", "完成职业教育质量年度报告编制和发布", "职成股", "年底前", "due=2025-12-31"),
            T("9", "开展职业教育专项督导", "督导室 | 职成股", "每季度末", "ongoing quarterly"),
            T("10", "落实职业学校教师培训学时", "教师股 | 县教师发展中心", "12月底前", "due=2025-12-31"),
            // A clause naming 股室 and a collective without an organisation word (各乡镇).
            T("11", "开展职业教育送技能下乡活动", "县职教中心; 职成股 | 各乡镇", null)),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各初级中学"] = CollectiveKind.Other, ["各乡镇"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void The_issue_date_is_in_the_year_before()
    {
        Doc.IssueDate.ShouldBe(new DateOnly(2024, 12, 26));
        Doc.DocNumber.ShouldBe("云教发〔2024〕58号");
    }
}
