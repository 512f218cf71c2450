using System.IO.Compression;
using System.Text;
using Duban.Parsing.Input;

namespace Duban.Parsing.Tests.Input;

/// <summary>
/// Variants of real 政府信息公开 pages and 分工表 workbooks that the samples show whole (two-row-header-page.html,
/// div-paragraphs-page.html, sectioned-task-table.xlsx): each rule on its own, with the case it must not touch.
/// </summary>
public class RealPageVariantTests
{
    private static string Html(string body) =>
        InputReader.Read(Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{body}</body></html>"), "a.html", InputLimits.Default).Text;

    [Fact]
    public void A_source_line_break_between_chinese_characters_is_no_space()
    {
        Html("<div><p>各项任务由县发展和改革\n局牵头，县财政局配合落\n   实。</p><p>Word\nexport 2024\n年</p></div>")
            .ShouldBe("各项任务由县发展和改革局牵头，县财政局配合落实。\nWord export 2024 年");
    }

    [Fact]
    public void Paragraphs_of_a_cell_stay_apart_across_a_source_line_break()
    {
        var text = Html("<table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>" +
                        "<tr><td>1</td><td>建设实训\n基地</td><td>县教育局</td><td><p>县财政局</p>\n<p>县人社局</p></td></tr></table>");
        text.ShouldContain("1\t建设实训基地\t县教育局\t县财政局 县人社局");
    }

    [Fact]
    public void Preformatted_text_keeps_its_lines_and_tabs()
    {
        Html("<pre>青禾市职业教育重点任务分工方案\n一、重点任务\n序号\t重点任务\t牵头单位\n1\t建设实训基地\t市教育局\n\n</pre>")
            .ShouldBe("青禾市职业教育重点任务分工方案\n一、重点任务\n序号\t重点任务\t牵头单位\n1\t建设实训基地\t市教育局");
    }

    [Fact]
    public void The_信息公开_box_inside_the_article_is_left_out_and_gives_its_文号_first()
    {
        var text = Html("<div id='zoom'><table><tr><td>索 引 号：</td><td>0001/2024-1</td><td>主题分类：</td><td>教育</td></tr>" +
                        "<tr><td>发布机构：</td><td>青禾市教育局</td><td>文 号：</td><td>青教发〔2024〕3号</td></tr></table>" +
                        "<p>青禾市教育局关于印发职业教育工作要点的通知</p><p>各县（市、区）教育局：</p><p>现将工作要点印发给你们。</p></div>");
        text.ShouldBe("青教发〔2024〕3号\n青禾市教育局关于印发职业教育工作要点的通知\n各县（市、区）教育局：\n现将工作要点印发给你们。");
    }

    [Fact]
    public void A_box_whose_文号_the_article_gives_adds_nothing_and_a_list_of_documents_is_no_box()
    {
        var box = "<table><tr><td>索引号：</td><td>0001</td></tr><tr><td>发布机构：</td><td>青禾市教育局</td></tr><tr><td>文号：</td><td>青教发〔2024〕3号</td></tr></table>";
        Html(box + "<div><p>青教发〔2024〕3号</p><p>青禾市教育局关于印发职业教育工作要点的通知</p><p>各县（市、区）教育局：现将工作要点印发给你们。</p></div>")
            .ShouldStartWith("青教发〔2024〕3号\n青禾市教育局关于印发");
        // 名称 | 文号 | 发布日期 in the header of a list of documents: a table like any other.
        var list = Html("<div><p>青禾市职业教育政策文件目录如下。</p><table><tr><th>名称</th><th>文号</th><th>发布日期</th></tr>" +
                        "<tr><td>青禾市职业教育实施方案</td><td>青政发〔2023〕1号</td><td>2023-01-05</td></tr>" +
                        "<tr><td>青禾市产教融合实施意见</td><td>青政发〔2023〕9号</td><td>2023-06-01</td></tr></table></div>");
        list.ShouldContain("名称\t文号\t发布日期\n青禾市职业教育实施方案\t青政发〔2023〕1号\t2023-01-05");
    }

    private const string Notice = "<div id='zoom'><p>南浦县教育局关于印发南浦县职业教育校企合作推进方案的通知</p><p>各中职学校：</p><p>现将推进方案印发给你们，请认真抓好落实。</p></div>";

    [Theory]
    // As county sites write the box: a list of label：value items, a dl of dt and dd, a row of label and value spans.
    [InlineData("<ul class='xxgk'><li>索引号：11530000/2024-00031</li><li>发布机构：南浦县教育局</li><li>发文字号：南教发〔2024〕12号</li><li>成文日期：2024-03-15</li><li>发布日期：2024-03-18</li></ul>")]
    [InlineData("<dl class='info'><dt>索 引 号：</dt><dd>11530000/2024-00031</dd><dt>发布机构：</dt><dd>南浦县教育局</dd><dt>发文字号：</dt><dd>南教发〔2024〕12号</dd><dt>成文日期：</dt><dd>2024年03月15日</dd></dl>")]
    [InlineData("<div class='article-info'><span>索引号：</span><span>11530000/2024-00031</span><span>发文字号：</span><span>南教发〔2024〕12号</span><span>发文机关：</span><span>南浦县教育局</span><span>成文日期：</span><span>2024/3/15</span></div>")]
    public void A_信息公开_box_written_as_a_list_gives_its_文号_and_date_first(string box)
    {
        var expected = "南教发〔2024〕12号\n2024年3月15日\n南浦县教育局关于印发南浦县职业教育校企合作推进方案的通知\n各中职学校：\n现将推进方案印发给你们，请认真抓好落实。";
        Html(box + Notice).ShouldBe(expected);                            // above the article
        Html(Notice.Replace("<div id='zoom'>", "<div id='zoom'>" + box)).ShouldBe(expected); // inside its container

        var plan = new PlanParser().Parse(Encoding.UTF8.GetBytes($"<html><head><meta charset='utf-8'></head><body>{box}{Notice}</body></html>"), "a.html");
        plan.DocNumber.ShouldBe("南教发〔2024〕12号");
        plan.IssueDate.ShouldBe(new DateOnly(2024, 3, 15));
    }

    [Fact]
    public void A_list_in_the_article_is_no_box_and_the_articles_own_date_wins()
    {
        // Items of text that happen to start with a label are the plan's.
        Html("<div><p>青禾市职业教育工作要点</p><ul><li>名称：青禾市职业教育集团章程修订，2024年6月底前完成并报市教育局备案审查。</li>" +
             "<li>发布机构：由市教育局统一对外发布职业教育年度质量报告，接受社会监督和第三方评价。</li><li>文号：各校内部文件统一编号管理。</li></ul></div>")
            .ShouldContain("名称：青禾市职业教育集团章程修订");
        // The article's signature date is the document's: the site's 发布日期 is not added.
        var box = "<ul><li>索引号：0001/2024-7</li><li>发布机构：青禾市教育局</li><li>发布日期：2024-05-20</li></ul>";
        var text = Html(box + "<div><p>青禾市教育局关于做好2024年职业院校招生工作的通知</p><p>各县（市、区）教育局：</p><p>请按要求做好招生工作。</p><p>青禾市教育局</p><p>2024年5月16日</p></div>");
        text.ShouldStartWith("青禾市教育局关于做好");
        text.ShouldEndWith("青禾市教育局\n2024年5月16日");
        text.ShouldNotContain("0001/2024-7");
        var plan = new PlanParser().Parse(Encoding.UTF8.GetBytes("<html><head><meta charset='utf-8'></head><body>" + box +
            "<div><p>青禾市教育局关于做好2024年职业院校招生工作的通知</p><p>各县（市、区）教育局：</p><p>请按要求做好招生工作。</p><p>青禾市教育局</p><p>2024年5月16日</p></div></body></html>"), "a.html");
        plan.IssueDate.ShouldBe(new DateOnly(2024, 5, 16));
    }

    [Fact]
    public void A_title_ending_in_the_sites_name_after_a_bare_dash_is_not_put_above_an_article_that_opens_with_it()
    {
        var page = "<html><head><meta charset='utf-8'><title>云岭县教育局关于印发工作方案的通知-云岭县人民政府</title></head><body>" +
                   "<div><div>云岭县教育局关于印发工作方案的通知</div><div>各乡（镇）中心学校：现将方案印发给你们，请认真组织实施。</div></div></body></html>";
        InputReader.Read(Encoding.UTF8.GetBytes(page), "a.html", InputLimits.Default).Text
            .ShouldStartWith("云岭县教育局关于印发工作方案的通知\n各乡");
    }

    [Fact]
    public void A_配合单位_merged_down_under_a_header_over_two_rows_holds_for_each_task()
    {
        var text = Html("<table><tr><td rowspan='2'>序号</td><td rowspan='2'>重点任务</td><td colspan='2'>责任单位</td></tr>" +
                        "<tr><td>牵头单位</td><td>配合单位</td></tr>" +
                        "<tr><td>1</td><td>任务甲</td><td>县教育局</td><td rowspan='2'>县财政局</td></tr>" +
                        "<tr><td rowspan='2'>2</td><td>任务乙</td><td>县人社局</td></tr>" +
                        "<tr><td>任务丙</td><td>县科技局</td><td>县税务局</td></tr></table>");
        // 序号 merged down is no value of each row; 配合单位 is.
        text.ShouldBe("序号\t重点任务\t责任单位\t\n\t\t牵头单位\t配合单位\n1\t任务甲\t县教育局\t县财政局\n2\t任务乙\t县人社局\t县财政局\n\t任务丙\t县科技局\t县税务局");
    }

    [Fact]
    public void A_narrow_column_headed_one_character_a_line_still_holds_its_merged_value_for_each_row()
    {
        var text = Html("<table><tr><td>序<br>号</td><td>重点任务</td><td>牵<br>头<br>单<br>位</td></tr>" +
                        "<tr><td>1</td><td>任务甲</td><td rowspan='2'>县教育局</td></tr><tr><td>2</td><td>任务乙</td></tr></table>");
        text.ShouldBe("序 号\t重点任务\t牵 头 单 位\n1\t任务甲\t县教育局\n2\t任务乙\t县教育局");
    }

    // --- .xlsx ---

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static string Xlsx(string sheetData, string cols = "", string numFmt = "yyyy\"年\"m\"月\"")
    {
        const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var styles = $"""<styleSheet xmlns="{Main}"><numFmts count="1"><numFmt numFmtId="177" formatCode="{System.Security.SecurityElement.Escape(numFmt)}"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="177" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>""";
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in new[]
            {
                ("[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"""),
                ("_rels/.rels", $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""),
                ("xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="{rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""),
                ("xl/_rels/workbook.xml.rels", $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>"""),
                ("xl/styles.xml", styles),
                ("xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{Main}">{cols}<sheetData>{sheetData}</sheetData></worksheet>"""),
            })
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        return InputReader.Read(stream.ToArray(), "a.xlsx", InputLimits.Default).Text;
    }

    private static string Row(int r, params string[] cells) =>
        $"<row r=\"{r}\">" + string.Concat(cells.Select((c, i) => $"<c r=\"{(char)('A' + i)}{r}\" t=\"inlineStr\"><is><t>{c}</t></is></c>")) + "</row>";

    [Fact]
    public void Hidden_columns_are_not_read()
    {
        Xlsx(Row(1, "序号", "重点任务", "牵头单位", "联系人") + Row(2, "1", "建设实训基地", "市教育局", "张某"),
                cols: "<cols><col min=\"4\" max=\"4\" hidden=\"1\"/></cols>")
            .ShouldBe("Sheet1\n序号\t重点任务\t牵头单位\n1\t建设实训基地\t市教育局");
    }

    [Fact]
    public void A_date_shown_as_a_month_reads_as_the_month_and_one_shown_with_its_day_as_the_day()
    {
        var rows = Row(1, "序号", "完成时限") +
                   "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" s=\"1\"><v>45627</v></c></row>" +
                   "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\" s=\"2\"><v>45627</v></c></row>";
        Xlsx(rows).ShouldBe("Sheet1\n序号\t完成时限\n1\t2024年12月\n2\t2024年12月1日");
        Xlsx(rows, numFmt: "yyyy.mm").ShouldContain("1\t2024年12月\n");
        Xlsx(rows, numFmt: "yyyy/m/d").ShouldContain("1\t2024年12月1日\n");
        // Minutes are no month: a date and time keeps its day.
        Xlsx(rows, numFmt: "yyyy-mm-dd hh:mm").ShouldContain("1\t2024年12月1日\n");
    }
}
