using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/tab-table.txt: a notice issuing a tab-separated task table (序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时间) in
/// an annex, with group rows 一、… between task rows, units separated by spaces in some cells, an empty 配合单位 cell,
/// and the header repeated in the middle as when the table continues on a new page.
/// </summary>
public sealed class TabTableSample : SampleTest
{
    protected override string FileName => "tab-table.txt";

    protected override string ExpectedTitle => "东川区职业教育改革重点任务分工表";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Table, Annex, "东川区职业教育改革重点任务分工表",
            T("1", "制定全区职业教育布局调整方案", "区教育局 | 区人力资源社会保障局; 区委编办", "2022年6月底前", "due=2022-06-30"),
            T("2", "新建东川职业中专实训大楼", "区教育局; 区发展改革局 | 区财政局; 区自然资源局", "2023年秋季学期开学前", "due=2023-09-01"),
            // The plan was issued in 2022: the first occurrence is due at the end of 2022.
            T("3", "建立职业教育专业动态调整机制", "区人力资源社会保障局 | 区教育局; 区工业和信息化局", "每年12月底前", "due=2022-12-31 ongoing yearly"),
            T("4", "遴选10家区级产教融合型企业", "区发展改革局 | 区财政局; 区税务局; 区教育局", "2022年", "due=2022-12-31"),
            T("5", "推动职业院校与园区企业共建产业学院2个", "区教育局 | 东川经济开发区管委会", "2023年6月", "due=2023-06-30"),
            T("6", "开展现代学徒制试点", "区人力资源社会保障局 | 区教育局", "持续实施", "ongoing"),
            T("7", "面向农民、退役军人、下岗失业人员开展技能培训", "区人力资源社会保障局; 区农业农村局 | 区退役军人事务局; 各镇人民政府", "长期坚持", "ongoing"),
            T("8", "建设区级职业教育公共实训中心", "区教育局", "2023年", "due=2023-12-31")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各镇人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void Group_rows_become_section_paths()
    {
        AllTasks.Select(t => $"{t.No} {string.Join(" > ", t.SectionPath)}").ShouldBe(
        [
            "1 一、优化职业教育布局",
            "2 一、优化职业教育布局",
            "3 一、优化职业教育布局",
            "4 二、深化产教融合",
            "5 二、深化产教融合",
            "6 二、深化产教融合",
            "7 三、提升服务能力",
            "8 三、提升服务能力",
        ]);
    }

    [Fact]
    public void Notice_metadata()
    {
        Doc.NoticeTitle.ShouldBe("东川区人民政府办公室关于印发《东川区职业教育改革重点任务分工表》的通知");
        Doc.Issuer.ShouldBe("东川区人民政府办公室");
        Doc.IssueDate.ShouldBe(new DateOnly(2022, 4, 12));
        Doc.DocNumber.ShouldBeNull();
        Doc.Recipients.Select(r => r.Name).ShouldBe(["各街道办事处", "区政府各部门"]);
    }

    [Fact]
    public void The_issued_table_is_not_its_own_basis()
    {
        // "现将《东川区职业教育改革重点任务分工表》印发给你们" names the document being issued, not one it implements.
        Doc.Basis.Select(b => b.Title).ShouldBeEmpty();
    }
}
