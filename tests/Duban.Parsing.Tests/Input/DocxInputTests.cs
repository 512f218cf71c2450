using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Duban.Parsing.Input;
using static Duban.Parsing.Tests.Input.DocxBuilder;

namespace Duban.Parsing.Tests.Input;

// Inside the namespace, so that it wins over the Duban.Parsing.Text namespace.
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

public class DocxInputTests
{
    private static SourceText Read(byte[] bytes, string? fileName = "计划.docx", InputLimits? limits = null) =>
        InputReader.Read(bytes, fileName, limits ?? InputLimits.Default);

    private static PlanInputException Refused(byte[] bytes, string? fileName = "计划.docx", InputLimits? limits = null) =>
        Should.Throw<PlanInputException>(() => Read(bytes, fileName, limits));

    private static byte[] PlanDocument() => Build(main =>
    {
        AddNumbering(main,
            AbstractList(0,
                Level(0, NumberFormatValues.ChineseCounting, "%1、"),
                Level(1, NumberFormatValues.ChineseCounting, "（%2）")),
            AbstractList(1,
                Level(0, NumberFormatValues.Decimal, "%1."),
                Level(1, NumberFormatValues.DecimalEnclosedCircle, "%2")),
            ListInstance(1, 0),
            ListInstance(2, 1));

        main.Document = new Document(new Body(
            P("关于印发《优化营商环境行动计划》的通知"),
            BlankParagraph(),
            new Paragraph(
                new Run(new Text("各区人民政府")),
                new Run(new TabChar(), new Text("市政府各委办局")),
                new Run(new Break(), new Text("现印发给你们。"))),
            Numbered(1, 0, "总体要求"),
            Numbered(1, 1, "指导思想"),
            Numbered(1, 1, "基本原则"),
            Numbered(1, 0, "重点任务"),
            Numbered(1, 1, "优化营商环境"),
            Numbered(2, 0, "加快推进政务服务"),
            Numbered(2, 1, "网上办"),
            Numbered(2, 1, "掌上办"),
            Numbered(2, 0, "深化放管服改革"),
            Table(
                Row("序号", "任务", "责任单位", "完成时限"),
                Row(Cell("1"), Cell("推进政务服务", "一网通办", "全程网办"), Cell("市政务服务局"), Cell("2023年底")),
                Row(Cell("2"), SpanningCell(2, "跨两列的任务说明"), Cell("2024年")),
                Row(Cell("3"), Cell("任务甲"), MergeStart("市发展改革委"), Cell("长期坚持")),
                Row(Cell("4"), Cell("任务乙"), MergeContinuation("合并后残留的文字"), Cell("2025年6月")),
                Row(Cell(), Cell(), Cell(), Cell()),
                Row(Cell("5"), new TableCell(P("见下表"), Table(Row("甲", "乙"), Row("丙", "丁"))), Cell("市财政局"), Cell("年内"))),
            P("附件：任务分工表"),
            new SectionProperties()));

        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(P("页眉不应出现"));
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(P("页脚不应出现"));
        var comments = main.AddNewPart<WordprocessingCommentsPart>();
        comments.Comments = new Comments(new Comment(P("批注不应出现")) { Id = "1", Author = "审阅人" });
    });

    [Fact]
    public void Docx_body_becomes_lines_with_list_labels_and_tab_separated_table_rows()
    {
        var source = Read(PlanDocument());

        source.Format.ShouldBe("docx");
        source.Encoding.ShouldBeNull();
        source.Warnings.ShouldBeEmpty();
        source.Text.Split('\n').ShouldBe([
            "关于印发《优化营商环境行动计划》的通知",
            "",
            "各区人民政府 市政府各委办局 现印发给你们。",
            "一、总体要求",
            "（一）指导思想",
            "（二）基本原则",
            "二、重点任务",
            "（一）优化营商环境",
            "1.加快推进政务服务",
            "①网上办",
            "②掌上办",
            "2.深化放管服改革",
            "序号\t任务\t责任单位\t完成时限",
            "1\t推进政务服务 一网通办 全程网办\t市政务服务局\t2023年底",
            "2\t跨两列的任务说明\t\t2024年",
            "3\t任务甲\t市发展改革委\t长期坚持",
            // A 责任单位 merged down holds for the row it covers (not the stale text left in the covered cell).
            "4\t任务乙\t市发展改革委\t2025年6月",
            "5\t见下表 甲 乙 丙 丁\t市财政局\t年内",
            "附件：任务分工表",
        ]);
    }

    [Fact]
    public void Docx_is_recognised_by_its_bytes_whatever_its_name()
    {
        Read(PlanDocument(), fileName: null).Format.ShouldBe("docx");
        Read(PlanDocument(), fileName: "upload.bin").Format.ShouldBe("docx");
    }

    [Fact]
    public void Heading_styles_carry_their_numbering()
    {
        var bytes = Build(main =>
        {
            AddNumbering(main,
                AbstractList(0,
                    Level(0, NumberFormatValues.ChineseCountingThousand, "%1、"),
                    Level(1, NumberFormatValues.IdeographTraditional, "%2.", noSuffix: false)),
                ListInstance(7, 0));
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
                new Style(
                    new StyleName { Val = "heading 1" },
                    new BasedOn { Val = "Normal" },
                    new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = 7 })))
                { Type = StyleValues.Paragraph, StyleId = "Heading1" },
                new Style(
                    new StyleName { Val = "heading 2" },
                    new BasedOn { Val = "Heading1" },
                    new StyleParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 1 })))
                { Type = StyleValues.Paragraph, StyleId = "Heading2" });
            main.Document = new Document(new Body(
                Styled("Heading1", "总体要求"),
                Styled("Heading2", "指导思想"),
                Styled("Heading2", "工作目标"),
                P("正文不编号"),
                Styled("Heading1", "重点任务")));
        });

        Read(bytes).Text.ShouldBe("一、总体要求\n甲.指导思想\n乙.工作目标\n正文不编号\n二、重点任务");
    }

    [Fact]
    public void List_labels_follow_the_level_pattern_start_override_and_suffix()
    {
        var bytes = Build(main =>
        {
            AddNumbering(main,
                AbstractList(0,
                    Level(0, NumberFormatValues.Decimal, "%1", noSuffix: false),
                    Level(1, NumberFormatValues.Decimal, "%1.%2", noSuffix: false),
                    Level(2, NumberFormatValues.Bullet, "\uF0B7")),
                ListInstance(1, 0),
                new NumberingInstance(
                    new AbstractNumId { Val = 0 },
                    new LevelOverride(new StartOverrideNumberingValue { Val = 5 }) { LevelIndex = 0 })
                { NumberID = 2 });
            main.Document = new Document(new Body(
                Numbered(1, 0, "第一项"),
                Numbered(1, 1, "细项"),
                Numbered(1, 2, "要点"),
                Numbered(1, 1, "细项"),
                Numbered(2, 0, "另起编号"),
                Numbered(1, 0, "接续编号"),
                Numbered(0, 0, "编号已关闭"),
                Numbered(99, 0, "未定义的编号")));
        });

        Read(bytes).Text.ShouldBe("1 第一项\n1.1 细项\n要点\n1.2 细项\n5 另起编号\n2 接续编号\n编号已关闭\n未定义的编号");
    }

    [Fact]
    public void Tracked_deletions_and_moves_read_as_the_revised_text()
    {
        var bytes = WithBody(new Paragraph(
            new MoveFromRun(new Run(new Text("（已移走）"))) { Id = "3", Author = "甲" },
            new Run(new Text("完成时限：")),
            new DeletedRun(new Run(new DeletedText("2023年"))) { Id = "1", Author = "甲" },
            new InsertedRun(new Run(new Text("2024年"))) { Id = "2", Author = "甲" },
            new Run(new Text("底前")),
            new MoveToRun(new Run(new Text("（移到此处）"))) { Id = "4", Author = "甲" }));

        Read(bytes).Text.ShouldBe("完成时限：2024年底前（移到此处）");
    }

    [Fact]
    public void Content_controls_and_hyperlinks_are_read_through()
    {
        var bytes = WithBody(
            new SdtBlock(new SdtProperties(new SdtAlias { Val = "标题" }), new SdtContentBlock(P("控件中的段落"))),
            new Paragraph(new Hyperlink(new Run(new Text("链接文字"))) { Anchor = "a" }, new Run(new Text("之后"))));

        Read(bytes).Text.ShouldBe("控件中的段落\n链接文字之后");
    }

    [Fact]
    public void Docx_without_text_is_empty()
    {
        var error = Refused(WithBody(BlankParagraph(), P("   "), Table(Row(Cell(), Cell()))));

        error.Code.ShouldBe("input.empty");
    }

    [Fact]
    public void Zip_without_a_word_document_is_corrupt()
    {
        var bytes = Zip(("hello.txt", Encoding.UTF8.GetBytes("你好")));

        var error = Refused(bytes, "x.zip");

        error.Code.ShouldBe("docx.corrupt");
        error.Message.ShouldContain("word/document.xml");
    }

    [Fact]
    public void Document_without_relationships_is_found_at_its_conventional_name()
    {
        var bytes = Zip(("word/document.xml", Encoding.UTF8.GetBytes(
            $"""<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>只有正文</w:t></w:r></w:p></w:body></w:document>""")));

        Read(bytes).Text.ShouldBe("只有正文");
    }

    [Fact]
    public void Malformed_document_xml_is_corrupt_and_names_the_part()
    {
        var bytes = Zip(("word/document.xml", Encoding.UTF8.GetBytes($"""<w:document xmlns:w="{W}"><w:body><w:p>""")));

        var error = Refused(bytes);

        error.Code.ShouldBe("docx.corrupt");
        error.Message.ShouldContain("word/document.xml");
    }

    [Fact]
    public void Document_type_definitions_are_refused()
    {
        var xml = $"""<!DOCTYPE d [<!ENTITY a "啊啊啊啊">]><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>""";

        Refused(Zip(("word/document.xml", Encoding.UTF8.GetBytes(xml)))).Code.ShouldBe("docx.corrupt");
    }

    [Fact]
    public void Deeply_nested_elements_are_corrupt_not_a_stack_overflow()
    {
        const int depth = 100_000;
        var xml = new StringBuilder($"""<w:document xmlns:w="{W}"><w:body>""");
        for (var i = 0; i < depth; i++) xml.Append("<w:sdt><w:sdtContent>");
        for (var i = 0; i < depth; i++) xml.Append("</w:sdtContent></w:sdt>");
        xml.Append("</w:body></w:document>");

        Refused(Zip(("word/document.xml", Encoding.UTF8.GetBytes(xml.ToString())))).Code.ShouldBe("docx.corrupt");
    }

    [Fact]
    public void Truncated_docx_is_corrupt()
    {
        var bytes = PlanDocument();

        var error = Refused(bytes[..(bytes.Length / 2)]);

        error.Code.ShouldBe("docx.corrupt");
        error.Message.ShouldContain(".docx");
    }

    [Fact]
    public void Damaged_docx_never_leaks_a_zip_or_xml_exception()
    {
        var original = PlanDocument();
        var random = new Random(7);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
                bytes[random.Next(4, bytes.Length)] = (byte)random.Next(256);

            try
            {
                Read(bytes);
            }
            catch (PlanInputException e)
            {
                e.Code.ShouldBeOneOf("docx.corrupt", "docx.tooLarge", "input.empty");
            }
        }
    }

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }
}
