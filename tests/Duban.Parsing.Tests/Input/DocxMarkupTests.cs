using System.IO.Compression;
using System.Text;
using Duban.Parsing.Input;

namespace Duban.Parsing.Tests.Input;

/// <summary>WordprocessingML that the OpenXml SDK does not write by itself: hand-made parts.</summary>
public class DocxMarkupTests
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private const string PackageRelationships =
        """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main%20part.xml"/>
        </Relationships>
        """;

    private const string DocumentRelationships =
        """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="../lists/numbering.xml"/>
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/>
        </Relationships>
        """;

    private static SourceText Read(params (string Name, string Xml)[] parts)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in parts)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(xml));
            }
        }

        return InputReader.Read(stream.ToArray(), "计划.docx", InputLimits.Default);
    }

    private static string Body(string content) => $"""<w:document xmlns:w="{W}" xmlns:mc="{Mc}"><w:body>{content}</w:body></w:document>""";

    [Fact]
    public void Alternate_content_is_read_once_from_its_first_choice()
    {
        var source = Read(("word/document.xml", Body(
            """
            <mc:AlternateContent>
              <mc:Choice Requires="w14"><w:p><w:r><w:t>新版内容</w:t></w:r></w:p></mc:Choice>
              <mc:Fallback><w:p><w:r><w:t>旧版内容</w:t></w:r></w:p></mc:Fallback>
            </mc:AlternateContent>
            <w:p><w:r><w:t>正文</w:t></w:r></w:p>
            """)));

        source.Text.ShouldBe("新版内容\n正文");
    }

    [Fact]
    public void Field_codes_are_left_out_field_results_kept_and_a_text_box_follows_its_paragraph()
    {
        var source = Read(("word/document.xml", Body(
            """
            <w:p>
              <w:r><w:t xml:space="preserve">见第 </w:t></w:r>
              <w:r><w:fldChar w:fldCharType="begin"/></w:r>
              <w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \h </w:instrText></w:r>
              <w:r><w:fldChar w:fldCharType="separate"/></w:r>
              <w:r><w:t>3</w:t></w:r>
              <w:r><w:fldChar w:fldCharType="end"/></w:r>
              <w:r><w:t xml:space="preserve"> 页</w:t></w:r>
              <w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r>
            </w:p>
            """)));

        source.Text.ShouldBe("见第 3 页\n文本框");
    }

    [Fact]
    public void A_text_box_is_read_once_after_the_paragraph_it_is_anchored_in()
    {
        // As Word writes a 专栏 box: the drawing (wps:txbx) in mc:Choice, its VML copy (v:textbox) in mc:Fallback; the
        // box's paragraphs stand after the paragraph beside its top, as the PDF reader puts a box.
        var source = Read(("word/document.xml", Body(
            """
            <w:p><w:r><w:t>1.建设实训基地。（牵头单位：县教育局）</w:t></w:r>
              <w:r><mc:AlternateContent>
                <mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="urn:wp"><a:graphic xmlns:a="urn:a"><a:graphicData><wps:wsp xmlns:wps="urn:wps"><wps:txbx>
                  <w:txbxContent><w:p><w:r><w:t>专栏1：重点项目</w:t></w:r></w:p><w:p><w:r><w:t>公共实训基地1个。</w:t></w:r></w:p></w:txbxContent>
                </wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
                <mc:Fallback><w:pict><v:shape xmlns:v="urn:v"><v:textbox><w:txbxContent><w:p><w:r><w:t>专栏1：重点项目</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
              </mc:AlternateContent></w:r>
            </w:p>
            <w:p><w:r><w:t>2.开展技能培训。</w:t></w:r></w:p>
            <w:p><w:r><w:pict><v:shape xmlns:v="urn:v"><v:textbox><w:txbxContent><w:p><w:r><w:t>注：旧版文本框</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元格</w:t></w:r><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>格内框</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            """)));

        source.Text.ShouldBe("1.建设实训基地。（牵头单位：县教育局）\n专栏1：重点项目\n公共实训基地1个。\n2.开展技能培训。\n\n注：旧版文本框\n单元格 格内框\t乙");
    }

    [Fact]
    public void Control_characters_and_line_separators_in_runs_become_spaces()
    {
        var source = Read(("word/document.xml", Body("<w:p><w:r><w:t>甲&#x9;乙&#xA;丙\u2028丁</w:t></w:r></w:p>")));

        source.Text.ShouldBe("甲 乙 丙 丁");
    }

    [Fact]
    public void Strict_open_xml_namespace_is_read()
    {
        var source = Read(("word/document.xml",
            """<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>严格模式</w:t></w:r></w:p></w:body></w:document>"""));

        source.Text.ShouldBe("严格模式");
    }

    [Fact]
    public void Rows_with_skipped_grid_columns_keep_their_columns_aligned()
    {
        var source = Read(("word/document.xml", Body(
            """
            <w:tbl>
              <w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>任务</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>单位</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>续上</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>市局</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr><w:p><w:r><w:t>宽</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl>
            """)));

        var lines = source.Text.Split('\n');
        lines[0].ShouldBe("序号\t任务\t单位");
        lines[1].ShouldBe("\t续上\t市局");
        lines[2].ShouldBe("宽" + new string('\t', 63)); // an absurd span is capped at 64 columns
    }

    [Fact]
    public void Parts_are_found_through_relationships_and_list_styles_resolved()
    {
        // The main part has an unusual, escaped name; numbering lives in another folder; the list instance uses a
        // list style (numStyleLink) whose levels are in the abstract list that defines it (styleLink), and its
        // number format hides behind mc:AlternateContent as Word 2010 writes custom formats.
        const string numbering =
            $"""
            <w:numbering xmlns:w="{W}" xmlns:mc="{Mc}">
              <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="PlanList"/></w:abstractNum>
              <w:abstractNum w:abstractNumId="2">
                <w:styleLink w:val="PlanList"/>
                <w:lvl w:ilvl="0">
                  <w:start w:val="1"/>
                  <mc:AlternateContent>
                    <mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice>
                    <mc:Fallback><w:numFmt w:val="chineseCounting"/></mc:Fallback>
                  </mc:AlternateContent>
                  <w:suff w:val="nothing"/>
                  <w:lvlText w:val="第%1条"/>
                </w:lvl>
              </w:abstractNum>
              <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
            </w:numbering>
            """;
        const string paragraph = """<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>{0}</w:t></w:r></w:p>""";

        var source = Read(
            ("_rels/.rels", PackageRelationships),
            ("word/_rels/main part.xml.rels", DocumentRelationships),
            ("word/main part.xml", Body(string.Format(paragraph, "总则") + string.Format(paragraph, "任务"))),
            ("lists/numbering.xml", numbering));

        source.Text.ShouldBe("第一条总则\n第二条任务");
    }

    [Fact]
    public void Instances_of_one_abstract_list_continue_its_numbering_unless_they_restart_it()
    {
        // Headings 一、 二、 in numId 3 and 三、 in numId 7 of the same abstract list (as copying between documents or
        // Word's 继续编号 leaves them) count on; numId 9 restarts the list (重新开始编号: a startOverride).
        const string numbering =
            $"""
            <w:numbering xmlns:w="{W}">
              <w:abstractNum w:abstractNumId="4">
                <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
                <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
              </w:abstractNum>
              <w:num w:numId="3"><w:abstractNumId w:val="4"/></w:num>
              <w:num w:numId="7"><w:abstractNumId w:val="4"/></w:num>
              <w:num w:numId="9"><w:abstractNumId w:val="4"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
            </w:numbering>
            """;
        static string P(int numId, int level, string text) =>
            $"""<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{numId}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>""";

        var source = Read(
            ("_rels/.rels", PackageRelationships),
            ("word/_rels/main part.xml.rels", DocumentRelationships),
            ("word/main part.xml", Body(P(3, 0, "总体要求") + P(3, 1, "指导思想") + P(3, 0, "重点任务") + P(7, 1, "专业建设") + P(7, 0, "保障措施")
                                          + P(9, 0, "附件任务") + P(9, 1, "细项"))),
            ("lists/numbering.xml", numbering));

        source.Text.ShouldBe("一、总体要求\n（一）指导思想\n二、重点任务\n（一）专业建设\n三、保障措施\n一、附件任务\n（一）细项");
    }
}
