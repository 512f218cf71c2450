using Duban.Parsing.Input;
using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/gov-page-table.html: a 政府信息公开 page saved from a browser (UTF-8): site header, navigation, breadcrumbs,
/// an 索引号 table, 字号/打印/关闭 tools and a footer around the article, which holds the notice, the plan and its
/// 分工表 as a real &lt;table&gt; with group rows (colspan) and a 牵头单位 merged over two tasks (rowspan).
/// </summary>
public sealed class GovPageTableSample : SampleTest
{
    protected override string FileName => "gov-page-table.html";

    protected override string ExpectedTitle => "西岭市推进职业教育产教融合实施方案";

    /// <summary>The 分工表 of the page, the same whether it was saved as .html or as .mht.</summary>
    internal static IReadOnlyList<ExpectedList> PageLists { get; } =
    [
        List(TaskListLayout.Table, Body, "西岭市推进职业教育产教融合重点任务分工表",
            T("1", "建立市级产教融合型企业培育库", "市发展改革委 | 市教育局; 市工业和信息化局", "2022年9月底前", "due=2022-09-30"),
            T("2", "落实产教融合型企业税费优惠", "市发展改革委 | 市财政局; 市税务局; 市自然资源局", "2023年", "due=2023-12-31"),
            T("3", "建设智能制造产教融合实训基地", "市教育局 | 市人力资源社会保障局", "2023年12月底前", "due=2023-12-31"),
            T("4", "推动职业院校与园区企业共建现代物流实训中心", "市商务局 | 市教育局; 西岭经开区管委会", "长期坚持", "ongoing")),
    ];

    protected override IReadOnlyList<ExpectedList> ExpectedLists => PageLists;

    [Fact]
    public void Read_as_html_in_its_declared_charset()
    {
        Doc.Source.Format.ShouldBe("html");
        Doc.Source.Encoding.ShouldBe("utf-8");
    }

    [Fact]
    public void Only_the_article_is_read()
    {
        var source = InputReader.Read(File.ReadAllBytes(SampleFiles.PathOf(FileName)), FileName, InputLimits.Default);
        var text = source.Text;
        text.ShouldStartWith("西岭市人民政府办公室关于印发西岭市推进职业教育产教融合实施方案的通知\n西府办发〔2022〕9号");
        foreach (var chrome in new[] { "网站首页", "政务服务", "当前位置", "索 引 号", "【打印】", "字号", "分享到", "相关文件", "网站标识码", "setFont", "text-indent" })
            text.ShouldNotContain(chrome);
        text.ShouldContain("序号\t重点任务\t牵头单位\t配合单位\t完成时限");
        text.ShouldContain("一、培育产教融合主体\t\t\t\t");
        text.ShouldContain("3\t建设智能制造产教融合实训基地。 面向职业院校学生和企业职工开放。\t市教育局");
        text.ShouldContain("西岭市人民政府办公室\n2022年4月12日");
    }

    [Fact]
    public void A_units_cell_merged_down_holds_for_each_row()
    {
        var text = InputReader.Read(File.ReadAllBytes(SampleFiles.PathOf(FileName)), FileName, InputLimits.Default).Text;
        text.ShouldContain("2\t落实产教融合型企业税费优惠和“金融+财政+土地+信用”组合式激励政策。\t市发展改革委\t市财政局");
    }
}

/// <summary>
/// samples/gbk-layout-page.html: an older site's page in GB2312 (declared with http-equiv), laid out with tables: a
/// menu column, the title and 打印本页/关闭窗口 in rows above the article cell, numbered tasks separated by &lt;br&gt;.
/// </summary>
public sealed class GbkLayoutPageSample : SampleTest
{
    protected override string FileName => "gbk-layout-page.html";

    protected override string ExpectedTitle => "云岭县职业教育提质培优行动实施方案";


    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, null,
            T("1", "改善职业学校办学条件。", "县教育局 | 县发展和改革局; 县财政局", "2022年8月底前", "due=2022-08-31"),
            T("2", "加强“双师型”教师队伍建设。", "县教育局 | 县人力资源和社会保障局", "每年12月底前", "ongoing yearly"),
            T("3", "推进校企合作。", "县工业和信息化局 | 县教育局", "2023年6月底前", "due=2023-06-30")),
    ];

    [Fact]
    public void Read_as_html_in_gb18030()
    {
        Doc.Source.Format.ShouldBe("html");
        Doc.Source.Encoding.ShouldBe("gb18030");
    }

    [Fact]
    public void Menu_tools_and_footer_are_left_out()
    {
        var text = InputReader.Read(File.ReadAllBytes(SampleFiles.PathOf(FileName)), FileName, InputLimits.Default).Text;
        text.ShouldStartWith("云岭县职业教育提质培优行动实施方案\n");
        foreach (var chrome in new[] { "网站首页", "政策法规", "打印本页", "浏览次数", "版权所有" })
            text.ShouldNotContain(chrome);
        text.ShouldContain("\n　　一、主要任务\n　　1.改善职业学校办学条件。");
    }
}

/// <summary>
/// samples/split-article-page.html: an article whose body is split into two TRS_Editor parts of the content area
/// (#zoom .article-content), the first holding most of the text, with a pager after them. Both parts are the article.
/// </summary>
public sealed class SplitArticlePageSample : SampleTest
{
    protected override string FileName => "split-article-page.html";

    protected override string ExpectedTitle => "东川区推进职业教育校企合作实施方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, null,
            T("1", "建立校企合作对接机制。", "区教育局 | 区人力资源和社会保障局; 区工业和信息化局", "2023年6月底前", "due=2023-06-30"),
            T("2", "共建实训基地。", "区教育局 | 区财政局; 区商务局", "2024年12月底前", "due=2024-12-31"),
            T("3", "推行订单培养。", "区人力资源和社会保障局 | 区教育局", "长期坚持", "ongoing"),
            T("4", "落实激励政策。", "区财政局 | 区税务局; 区发展和改革局", "2023年起实施", "start=2023-01-01 ongoing")),
    ];

    [Fact]
    public void Both_parts_are_read_and_the_page_around_them_is_not()
    {
        var text = InputReader.Read(File.ReadAllBytes(SampleFiles.PathOf(FileName)), FileName, InputLimits.Default).Text;
        text.ShouldContain("（3）推行订单培养");
        text.ShouldContain("（4）落实激励政策");
        text.ShouldContain("三、保障措施");
        foreach (var chrome in new[] { "您当前的位置", "相关文件", "主办单位", "办事服务" })
            text.ShouldNotContain(chrome);
    }
}

/// <summary>
/// samples/layout-table-page.html: an older page laid out with tables whose article table has a spacer column on
/// each side of the text (three cells a row, one with text): a layout, read as paragraphs, not as a 分工表.
/// </summary>
public sealed class LayoutTablePageSample : SampleTest
{
    protected override string FileName => "layout-table-page.html";

    protected override string ExpectedTitle => "青禾市职业院校教师队伍建设实施意见";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, null,
            T("1", "完善教师招聘制度。", "市人力资源和社会保障局 | 市教育局; 市委编办", "2022年12月底前", "due=2022-12-31"),
            T("2", "实施教师企业实践制度。", "市教育局 | 市工业和信息化局", "每年12月底前", "due=2022-12-31 ongoing yearly"),
            T("3", "设立兼职教师专项经费。", "市财政局 | 市教育局", "2023年6月底前", "due=2023-06-30")),
    ];

    [Fact]
    public void Spacer_cells_make_no_table_rows()
    {
        var text = InputReader.Read(File.ReadAllBytes(SampleFiles.PathOf(FileName)), FileName, InputLimits.Default).Text;
        text.ShouldNotContain('\t');
        text.ShouldStartWith("青禾市职业院校教师队伍建设实施意见\n");
        text.ShouldContain("\n　　牵头单位：市人力资源和社会保障局\n");
        foreach (var chrome in new[] { "网站首页", "打印本页", "版权所有" })
            text.ShouldNotContain(chrome);
    }
}

/// <summary>
/// samples/saved-page.mht: gov-page-table.html saved "as a single file" by IE (tools/make-saved-page-mht.py):
/// multipart/related, the page in GBK declared gb2312, quoted-printable, and a picture in base64. It reads as the page.
/// </summary>
public sealed class SavedPageMhtSample : SampleTest
{
    protected override string FileName => "saved-page.mht";

    protected override string ExpectedTitle => "西岭市推进职业教育产教融合实施方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists => GovPageTableSample.PageLists;

    [Fact]
    public void Read_as_mht_in_the_charset_of_its_part()
    {
        Doc.Source.Format.ShouldBe("mht");
        Doc.Source.Encoding.ShouldBe("gb18030");
    }

    [Fact]
    public void The_text_is_the_text_of_the_page_it_was_saved_from()
    {
        var mht = InputReader.Read(File.ReadAllBytes(SampleFiles.PathOf(FileName)), FileName, InputLimits.Default).Text;
        var html = InputReader.Read(File.ReadAllBytes(SampleFiles.PathOf("gov-page-table.html")), "gov-page-table.html", InputLimits.Default).Text;
        mht.ShouldBe(html);
    }
}
