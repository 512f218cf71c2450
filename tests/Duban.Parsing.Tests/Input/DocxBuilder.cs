using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Duban.Parsing.Tests.Input;

// Inside the namespace, so that it wins over the Duban.Parsing.Text namespace.
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>Builds small .docx files in memory with the OpenXml SDK, as Word would write them.</summary>
internal static class DocxBuilder
{
    public static byte[] Build(Action<MainDocumentPart> fill)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            fill(document.AddMainDocumentPart());
        }

        return stream.ToArray();
    }

    public static byte[] WithBody(params OpenXmlElement[] blocks) =>
        Build(main => main.Document = new Document(new Body(blocks)));

    public static Paragraph P(params string[] runs) =>
        new(runs.Select(text => new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));

    public static Paragraph BlankParagraph() => new();

    public static Paragraph Numbered(int numId, int level, string text) =>
        new(
            new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })),
            new Run(new Text(text)));

    public static Paragraph Styled(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(new Text(text)));

    public static Table Table(params TableRow[] rows) => new(rows);

    public static TableRow Row(params TableCell[] cells) => new(cells);

    public static TableRow Row(params string[] cells) => new(cells.Select(text => Cell(text)));

    public static TableCell Cell(params string[] paragraphs) =>
        new(paragraphs.Length == 0 ? [BlankParagraph()] : paragraphs.Select(text => (OpenXmlElement)P(text)));

    public static TableCell SpanningCell(int columns, string text) =>
        new(new TableCellProperties(new GridSpan { Val = columns }), P(text));

    public static TableCell MergeStart(string text) =>
        new(new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart }), P(text));

    /// <summary>The lower cell of a vertical merge; Word shows the merged text once, from the first cell.</summary>
    public static TableCell MergeContinuation(string leftoverText = "") =>
        new(new TableCellProperties(new VerticalMerge()), P(leftoverText));

    /// <summary>
    /// A text document as an office's Word file holds it: one paragraph per line (an empty one for an empty line), a
    /// table the text holds (tab-separated or '|' rows) as a bordered Word table whose header row repeats on each page,
    /// group rows as one cell spanning the table (gridSpan). Used by the format-parity suite.
    /// </summary>
    public static byte[] FromText(IEnumerable<Parity.TextBlock> blocks)
    {
        var body = new Body();
        var first = true;
        foreach (var block in blocks)
        {
            switch (block)
            {
                // The title centred in 2号 type, the rest with a two-character first-line indent, as GB/T 9704 sets them.
                case Parity.ParagraphBlock p when first:
                    body.Append(new Paragraph(
                        new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                        new Run(new RunProperties(new FontSize { Val = "44" }), new Text(p.Text.Trim()) { Space = SpaceProcessingModeValues.Preserve })));
                    first = false;
                    break;
                case Parity.ParagraphBlock p:
                    body.Append(new Paragraph(
                        new ParagraphProperties(new Indentation { FirstLineChars = 200 }),
                        new Run(new RunProperties(new FontSize { Val = "32" }), new Text(p.Text.Trim()) { Space = SpaceProcessingModeValues.Preserve })));
                    break;
                case Parity.BlankBlock: body.Append(BlankParagraph()); break;
                case Parity.TableBlock t: body.Append(WordTable(t)); body.Append(BlankParagraph()); break;
            }
        }
        body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }));
        return Build(main => main.Document = new Document(body));
    }

    private static Table WordTable(Parity.TableBlock t)
    {
        var columns = t.Columns;
        BorderType Border<TBorder>() where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4 };
        var table = new Table(
            new TableProperties(new TableBorders(
                Border<TopBorder>(), Border<BottomBorder>(), Border<LeftBorder>(), Border<RightBorder>(),
                Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>())),
            new TableGrid(Enumerable.Range(0, columns).Select(i => new GridColumn { Width = i == 1 ? "4000" : "1600" })));
        for (var r = 0; r < t.Rows.Count; r++)
        {
            var cells = t.Rows[r];
            TableRow row;
            if (r > 0 && Parity.TableBlock.IsGroupRow(cells))
                row = Row(SpanningCell(columns, cells[0].Trim()));
            else
                row = Row(Enumerable.Range(0, columns).Select(i => Cell(i < cells.Length && cells[i].Trim().Length > 0 ? new[] { cells[i].Trim() } : Array.Empty<string>())).ToArray());
            if (r == 0) row.PrependChild(new TableRowProperties(new TableHeader()));
            table.Append(row);
        }
        return table;
    }

    public static AbstractNum AbstractList(int id, params Level[] levels) => new(levels) { AbstractNumberId = id };

    public static Level Level(int index, NumberFormatValues format, string text, bool noSuffix = true) =>
        new(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = format },
            new LevelSuffix { Val = noSuffix ? LevelSuffixValues.Nothing : LevelSuffixValues.Tab },
            new LevelText { Val = text })
        { LevelIndex = index };

    public static NumberingInstance ListInstance(int numId, int abstractId) =>
        new(new AbstractNumId { Val = abstractId }) { NumberID = numId };

    public static void AddNumbering(MainDocumentPart main, params OpenXmlElement[] definitions)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(definitions);
    }
}
