using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Duban.Web.Notices;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as .docx with the Open XML SDK, in the layout of GB/T 9704 (党政机关公文格式):
/// A4, margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; 仿宋_GB2312 三号 (16 pt) body at a fixed 28 pt line
/// (22 lines of 28 characters), 方正小标宋简体 二号 title, 黑体 first-level headings, the page number "— 1 —" at the
/// foot. Each Chinese font names a fallback a machine without it has (FangSong, SimSun, SimHei), so the document prints
/// readably either way.
/// </summary>
public static class DocxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string BodyFont = "仿宋_GB2312", TitleFont = "方正小标宋简体", HeadingFont = "黑体", PageNumberFont = "宋体";

    // Sizes in half points: 二号 22 pt, 三号 16 pt, 四号 14 pt.
    private const int TitleSize = 44, BodySize = 32, PageNumberSize = 28;

    // Twentieths of a point: a fixed 28 pt line, and the two-character indent of a 16 pt line.
    private const int LineTwips = 560, TwoCharacters = 640;

    public static byte[] Write(OfficialDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = document.Title;
            var main = package.AddMainDocumentPart();
            AddStyles(main);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageNumberFooter();
            var body = new Body();
            string? signature = null;
            foreach (var paragraph in document.Paragraphs)
            {
                if (paragraph is { Part: DocumentPart.Table, Table: { } table })
                {
                    body.Append(Table(table));
                    continue;
                }
                body.Append(Paragraph(paragraph, signature));
                if (paragraph.Part == DocumentPart.Signature) signature = paragraph.Text;
            }
            body.Append(Section(main.GetIdOfPart(footer)));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <param name="signature">The 发文机关署名 above, which places the date under it.</param>
    private static Paragraph Paragraph(DocumentParagraph p, string? signature)
    {
        var (font, size) = p.Part switch
        {
            DocumentPart.Title => (TitleFont, TitleSize),
            DocumentPart.Heading => (HeadingFont, BodySize),
            _ => (BodyFont, BodySize),
        };
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Line = LineTwips.ToString(), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" });
        switch (p.Part)
        {
            case DocumentPart.Title:
                properties.Append(new Justification { Val = JustificationValues.Center });
                // The title takes a line and a half of room and leaves an empty line before the number.
                properties.SpacingBetweenLines!.Line = "700";
                properties.SpacingBetweenLines.After = LineTwips.ToString();
                break;
            case DocumentPart.Number:
                properties.Append(new Justification { Val = JustificationValues.Center });
                properties.SpacingBetweenLines!.After = LineTwips.ToString();
                break;
            case DocumentPart.Recipient:
                break;
            case DocumentPart.Signature:
                // 正文下空一行右空二字编排发文机关署名.
                properties.SpacingBetweenLines!.Before = LineTwips.ToString();
                properties.Append(new Justification { Val = JustificationValues.Right }, new Indentation { Right = TwoCharacters.ToString() });
                break;
            case DocumentPart.Date:
                // 成文日期 on the next line, its first character two to the right of the signature's first one.
                var shift = signature is null ? 2m : Math.Max(0m, Width(signature) - Width(p.Text));
                properties.Append(new Justification { Val = JustificationValues.Right },
                    new Indentation { Right = ((int)(shift * TwoCharacters / 2)).ToString() });
                break;
            default:
                properties.Append(new Indentation { FirstLine = TwoCharacters.ToString() }, new Justification { Val = JustificationValues.Both });
                break;
        }
        var runProperties = new RunProperties(
            new RunFonts { EastAsia = font, Ascii = p.Part == DocumentPart.Title ? font : "Times New Roman", HighAnsi = p.Part == DocumentPart.Title ? font : "Times New Roman", Hint = FontTypeHintValues.EastAsia },
            new FontSize { Val = size.ToString() }, new FontSizeComplexScript { Val = size.ToString() });
        // The run names the GB font; the font table gives each its alternate (FangSong, SimSun, SimHei).
        return new Paragraph(properties, new Run(runProperties, new Text(p.Text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    // 五号 (10.5 pt) in a table: a ranking with a column per indicator fits the type area at that size.
    private const int TableSize = 21;

    /// <summary>A ruled table across the type area, 仿宋 五号 with a 黑体 header row repeated on each page.</summary>
    private static Table Table(DocumentTable table)
    {
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4U }, new BottomBorder { Val = BorderValues.Single, Size = 4U },
            new LeftBorder { Val = BorderValues.Single, Size = 4U }, new RightBorder { Val = BorderValues.Single, Size = 4U },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U });
        var result = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, borders,
            new TableLayout { Type = TableLayoutValues.Autofit },
            new TableJustification { Val = TableRowAlignmentValues.Center }));
        result.Append(Row(table.Header, header: true));
        foreach (var row in table.Rows) result.Append(Row(row, header: false));
        return result;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var text in cells)
        {
            var font = header ? HeadingFont : BodyFont;
            var run = new Run(new RunProperties(
                new RunFonts { EastAsia = font, Ascii = "Times New Roman", HighAnsi = "Times New Roman", Hint = FontTypeHintValues.EastAsia },
                new FontSize { Val = TableSize.ToString() }, new FontSizeComplexScript { Val = TableSize.ToString() }),
                new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            row.Append(new TableCell(
                new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                new Paragraph(new ParagraphProperties(
                    new SpacingBetweenLines { Line = "300", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" },
                    new Justification { Val = JustificationValues.Center }), run)));
        }
        return row;
    }

    /// <summary>A text's width in characters of the body size: a Chinese character is one, a digit or a Latin letter half.</summary>
    public static decimal Width(string text) => text.Sum(c => c < 0x2E80 ? 0.5m : 1m);

    private static SectionProperties Section(string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        // A4 in twips; margins of GB/T 9704.
        new PageSize { Width = 11906U, Height = 16838U },
        new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 1134U, Gutter = 0U },
        new DocGrid { Type = DocGridValues.LinesAndChars, LinePitch = LineTwips, CharacterSpace = 0 });

    /// <summary>"— 1 —": the page number between two dashes, 宋体 四号, centred.</summary>
    private static Footer PageNumberFooter()
    {
        RunProperties Font() => new(new RunFonts { EastAsia = PageNumberFont, Ascii = PageNumberFont, HighAnsi = PageNumberFont }, new FontSize { Val = PageNumberSize.ToString() });
        return new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(Font(), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Font(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(Font(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Font(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Font(), new Text("1")),
            new Run(Font(), new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(Font(), new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
    }

    /// <summary>The default style and the font table: each GB font with the fallback a machine without it uses.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { EastAsia = BodyFont, Ascii = "Times New Roman", HighAnsi = "Times New Roman" },
                new FontSize { Val = BodySize.ToString() }, new Languages { EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault()));
        var fonts = main.AddNewPart<FontTablePart>();
        fonts.Fonts = new Fonts(
            Font(BodyFont, "FangSong"), Font(TitleFont, "SimSun"), Font(HeadingFont, "SimHei"), Font(PageNumberFont, "SimSun"));
    }

    private static Font Font(string name, string alternate) => new(
        new AltName { Val = alternate }, new FontCharSet { Val = "86" }, new FontFamily { Val = FontFamilyValues.Auto }) { Name = name };
}
