using Duban.Parsing.Input;
using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/two-row-header-page.html: a county's 信息公开 page (UTF-8) with its 索引号 box and a mobile copy of it above
/// the article, the title in a div split by &lt;br&gt;, the source lines wrapped in the middle of sentences, and the
/// 分工表 as a &lt;table&gt; with a header over two rows (责任单位 across 牵头单位 | 配合单位, the rest rowspan=2), a
/// 牵头单位 merged over three tasks, a 配合单位 and a 完成时限 each over two, a notes row across the bottom.
/// </summary>
public sealed class TwoRowHeaderPageSample : SampleTest
{
    protected override string FileName => "two-row-header-page.html";

    protected override string ExpectedTitle => "南浦县职业教育产教融合重点任务分工方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(TaskListLayout.Table, Body, "南浦县职业教育产教融合重点任务分工表",
            T("1", "推进县职教中心新校区二期建设", "县教育局 | 县发展和改革局; 县财政局", "2024年12月底前", "due=2024-12-31"),
            T("2", "整合乡镇成人文化技术学校资源，建设县域社区教育服务网络", "县教育局 | 县发展和改革局; 县财政局", "2025年6月底前", "due=2025-06-30"),
            T("3", "调整中职学校专业设置", "县教育局 | 县经济商务局", "2025年6月底前", "due=2025-06-30"),
            T("4", "组建南浦县竹木加工产教联合体", "县经济商务局 | 县教育局; 县人力资源和社会保障局", "2024年9月底前", "due=2024-09-30"),
            T("5", "推行“订单班”培养", "县人力资源和社会保障局 | 县教育局", "每年9月", "due=2024-09-30 ongoing Yearly")),
    ];

    // The page links the table as a workbook too (附件：…分工表.xlsx): named, since a saved page does not hold it.
    protected override IReadOnlyList<string> ExpectedWarningCodes => [WarningCodes.LinkedAttachments];

    private string Text => InputReader.Read(File.ReadAllBytes(SampleFiles.PathOf(FileName)), FileName, InputLimits.Default).Text;

    [Fact]
    public void The_header_over_two_rows_lets_a_merged_配合单位_hold_for_each_task()
    {
        Text.ShouldContain("序号\t重点任务\t责任单位\t\t完成时限\n\t\t牵头单位\t配合单位\t\n");
        Text.ShouldContain("2\t整合乡镇成人文化技术学校资源，建设县域社区教育服务网络。\t县教育局\t县发展和改革局 县财政局\t2025年6月底前");
    }

    [Fact]
    public void Source_lines_wrapped_between_chinese_characters_join_without_a_space()
    {
        Text.ShouldContain("请结合实际认真抓好落实。");
        Text.ShouldContain("制定本方案。到2025年底");
    }

    [Fact]
    public void The_信息公开_box_and_the_page_around_the_article_are_left_out()
    {
        foreach (var chrome in new[] { "索引号", "统一编号", "您当前的位置", "浏览次数", "附件下载", "相关链接", "网站标识码", "打印本页" })
            Text.ShouldNotContain(chrome);
        Doc.DocNumber.ShouldBe("浦政办发〔2024〕11号");
    }
}

/// <summary>
/// samples/div-paragraphs-page.html: a county bureau's page in GBK (meta charset) whose editor wrote paragraphs as
/// &lt;div&gt; with &amp;nbsp; indentation and as Word's MsoNormal &lt;p&gt; of &lt;span&gt;s, source lines wrapped
/// mid-word, the 信息公开 box inside the article container (its 文号 given nowhere else), a task's fields on &lt;br&gt;
/// lines and in &lt;span&gt;s, no &lt;h1&gt; and a &lt;title&gt; ending "-云岭县人民政府".
/// </summary>
public sealed class DivParagraphsPageSample : SampleTest
{
    protected override string FileName => "div-paragraphs-page.html";

    protected override string ExpectedTitle => "云岭县中等职业教育质量提升工作方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, null,
            T("1", "推进实训基地建设。", "县教育局 | 县发展和改革局; 县财政局", "2024年8月底前", "due=2024-08-31"),
            T("2", "改善学生住宿条件。", "县教育局 | 县住房和城乡建设局", "2024年12月底前", "due=2024-12-31"),
            T("3", "引进紧缺专业教师。", "县人力资源和社会保障局 | 县教育局; 县委编办", "每年7月底前", "due=2023-07-31 ongoing Yearly"),
            T("4", "开展教师企业实践。", "县教育局 | 县工业和信息化局", "长期坚持", "ongoing")),
    ];

    private SourceText Source => InputReader.Read(File.ReadAllBytes(SampleFiles.PathOf(FileName)), FileName, InputLimits.Default);

    [Fact]
    public void The_box_inside_the_article_gives_its_文号_and_nothing_else()
    {
        Source.Encoding.ShouldBe("gb18030");
        Source.Text.ShouldStartWith("云教发〔2023〕27号\n云岭县教育局关于印发云岭县中等职业教育质量提升工作方案的通知\n");
        foreach (var chrome in new[] { "索", "信息分类", "是否有效", "-云岭县人民政府", "分享到", "打印此页", "版权所有" })
            Source.Text.ShouldNotContain(chrome);
        Doc.DocNumber.ShouldBe("云教发〔2023〕27号");
        Doc.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Div_and_span_paragraphs_read_as_lines()
    {
        Source.Text.ShouldContain("\n（一）改善办学条件\n1.推进实训基地建设。新建汽车维修、电子商务实训室各1个，更新老旧实训设备。（牵头单位：县教育局；配合单位：县发展和改革局、县财政局；");
        Source.Text.ShouldContain("\n牵头单位： 县教育局\n配合单位： 县住房和城乡建设局\n");
        Source.Text.ShouldContain("结合我县实际，制定本方案。\n");
    }
}

/// <summary>
/// samples/sectioned-task-table.xlsx (samples/tools/make-sectioned-task-table-xlsx.py): a district's 分工表 with a
/// 填报单位 / 填报时间 line under the title, a header over two rows, section rows whose ordinal 一 stands in 序号 and
/// whose name is merged across, a 牵头单位 merged over two tasks, a date shown as 2024年12月, a hidden 联系人 column,
/// a notes row, and a 填表说明 sheet.
/// </summary>
public sealed class SectionedTaskTableSample : SampleTest
{
    protected override string FileName => "sectioned-task-table.xlsx";

    protected override string ExpectedTitle => "东川区职业教育产教融合重点任务分工表";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(TaskListLayout.Table, Body, "东川区职业教育产教融合重点任务分工表",
            T("1", "组建区域产教联合体", "区教育局 | 区发展和改革局; 区工业和信息化局", "2024年12月", "due=2024-12-31"),
            T("2", "建设共享实训基地", "区教育局 | 区财政局", "2025年6月底前", "due=2025-06-30"),
            T("3", "推行现代学徒制", "区人力资源和社会保障局 | 区教育局; 区总工会", "2024年9月底前", "due=2024-09-30"),
            T("4", "落实企业参与办学激励政策", "区税务局 | 区财政局; 区教育局", "长期坚持", "ongoing")),
    ];

    private string Text => InputReader.Read(File.ReadAllBytes(SampleFiles.PathOf(FileName)), FileName, InputLimits.Default).Text;

    [Fact]
    public void Section_rows_name_the_tasks_groups()
    {
        AllTasks.Select(t => string.Join("/", t.SectionPath)).ShouldBe(["一、搭建产教融合平台", "一、搭建产教融合平台", "二、深化校企合作", "二、深化校企合作"]);
    }

    [Fact]
    public void The_hidden_column_is_not_read_and_the_label_line_is_no_header()
    {
        Text.ShouldNotContain("联系人");
        Text.ShouldNotContain("张某");
        Text.ShouldContain("\n序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限\t备注\n");
        Text.ShouldContain("\t区教育局\t区财政局\t2025年6月底前\t跨年度任务");
    }
}

/// <summary>
/// samples/landscape-task-table.docx (samples/tools/make-landscape-table-docx.py): a bureau's notice in Word whose
/// 分工表 is an annex in a landscape section, with a header over two rows (vMerge and gridSpan, repeated on each page),
/// section rows spanning the table, a 牵头单位 merged down (vMerge) over three tasks and a 配合单位 over two.
/// </summary>
public sealed class LandscapeTaskTableSample : SampleTest
{
    protected override string FileName => "landscape-task-table.docx";

    protected override string ExpectedTitle => "西岭市职业院校专业建设与实习管理工作方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(TaskListLayout.Table, Annex, "西岭市职业院校专业建设与实习管理重点任务分工表",
            T("1", "对接西岭市新能源装备产业", "市教育局 | 市发展和改革委员会", "2025年9月底前", "due=2025-09-30"),
            T("2", "建设市级骨干专业5个", "市教育局 | 市发展和改革委员会", "2026年6月底前", "due=2026-06-30"),
            T("3", "修订专业人才培养方案。", "市教育局 | 市人力资源和社会保障局", "每年8月底前", "due=2025-08-31 ongoing Yearly"),
            T("4", "建立实习单位遴选目录", "市人力资源和社会保障局 | 市教育局; 市应急管理局", "2025年12月底前", "due=2025-12-31"),
            T("5", "落实学生实习报酬规定", "市教育局 | 市市场监督管理局", "长期坚持", "ongoing")),
    ];

    [Fact]
    public void Cells_merged_down_repeat_in_units_columns_but_not_in_the_header()
    {
        var text = InputReader.Read(File.ReadAllBytes(SampleFiles.PathOf(FileName)), FileName, InputLimits.Default).Text;
        text.ShouldContain("序号\t重点任务\t责任单位\t\t完成时限\n\t\t牵头单位\t配合单位\t\n");
        text.ShouldContain("2\t建设市级骨干专业5个，每个专业配套建设1个校内实训室。\t市教育局\t市发展和改革委员会\t2026年6月底前");
        Doc.DocNumber.ShouldBe("西教发〔2025〕6号");
    }
}
