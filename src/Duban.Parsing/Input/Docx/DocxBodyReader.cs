using System.Text;
using System.Xml;

namespace Duban.Parsing.Input.Docx;

/// <summary>
/// Walks the body of document.xml in document order and writes its text as lines: a paragraph is one line (its list
/// label in front), a table row is one line with its cells separated by tabs. See docs/input-formats.md. Every
/// character written is spent from <paramref name="budget"/>, so that reading stops where the text limit is reached.
/// </summary>
internal sealed class DocxBodyReader(XmlReader reader, ListNumbering numbering, TextBudget budget)
{
    private const string BodyCellSeparator = "\t";

    // In a cell, nested tables and paragraphs are flattened with spaces so that a cell never holds a tab or newline.
    private const string NestedSeparator = " ";

    // A cell spanning more grid columns than Word allows (63) is hostile; the cap keeps it from making millions of cells.
    private const int MaxGridSpan = 64;

    // Text nodes are read this many characters at a time: one w:t may be as long as the part.
    private readonly char[] _chunk = new char[4096];

    /// <summary>Reads the whole document part and returns its lines.</summary>
    public List<string> ReadDocument()
    {
        var lines = new List<string>();
        reader.MoveToContent();
        if (!reader.IsWord("document")) throw new XmlException("The main part is not a w:document.");
        reader.ReadChildren(() =>
        {
            if (reader.IsWord("body")) ReadBlocks(lines, BodyCellSeparator);
            else reader.Skip();
        });
        return lines;
    }

    /// <summary>Block-level content: paragraphs and tables, possibly wrapped in content controls, custom XML, insertions.</summary>
    private void ReadBlocks(List<string> lines, string cellSeparator) =>
        reader.ReadChildren(() =>
        {
            if (reader.IsWord("p"))
            {
                var boxes = new List<string>();
                Emit(lines, ReadParagraph(boxes, cellSeparator));
                lines.AddRange(boxes); // spent as they were read
            }
            else if (reader.IsWord("tbl")) ReadTable(lines, cellSeparator);
            else if (IsContainer()) ReadBlocks(lines, cellSeparator);
            else reader.Skip();
        });

    /// <summary>Adds a line (or a cell's piece), spending one character for what will separate it from the next.</summary>
    private void Emit(List<string> lines, string line)
    {
        budget.Spend(1);
        lines.Add(line);
    }

    /// <summary>
    /// One paragraph's line; the lines of the text boxes anchored in it go to <paramref name="boxes"/>, to stand after
    /// it, where the PDF reader puts a box: after the paragraph beside its top.
    /// </summary>
    private string ReadParagraph(List<string> boxes, string cellSeparator)
    {
        var paragraph = new ParagraphBuilder(budget) { Boxes = boxes, CellSeparator = cellSeparator };
        ReadInline(paragraph);
        var label = numbering.NextLabel(paragraph.ListProperties);
        budget.Spend(label.Length);
        return label + paragraph.Text;
    }

    private void ReadInline(ParagraphBuilder paragraph) =>
        reader.ReadChildren(() =>
        {
            if (!reader.IsWordNamespace())
            {
                if (IsContainer()) ReadInline(paragraph);
                else reader.Skip();
                return;
            }

            switch (reader.LocalName)
            {
                case "pPr":
                    ReadParagraphProperties(paragraph);
                    break;
                case "t":
                    ReadText(paragraph);
                    break;
                // A tab or line break inside a paragraph is layout, not structure: a space keeps the words apart.
                case "tab" or "ptab" or "br" or "cr":
                    paragraph.Append(" ");
                    reader.Skip();
                    break;
                case "noBreakHyphen":
                    paragraph.Append("-");
                    reader.Skip();
                    break;
                case "drawing" or "pict":
                    ReadTextBoxes(paragraph);
                    break;
                default:
                    if (IsContainer()) ReadInline(paragraph);
                    else reader.Skip();
                    break;
            }
        });

    /// <summary>
    /// The text boxes of a drawing (wps:txbx) or a VML shape (v:textbox): their w:txbxContent is read as blocks of their
    /// own; pictures, shapes without text and the mc:Fallback copy of the same box are not. Leaves the reader after the
    /// element.
    /// </summary>
    private void ReadTextBoxes(ParagraphBuilder paragraph) =>
        reader.ReadChildren(() =>
        {
            if (reader.IsWord("txbxContent")) ReadBlocks(paragraph.Boxes, paragraph.CellSeparator);
            else if (reader.NamespaceURI == WordXml.MarkupCompatibilityNamespace && reader.LocalName == "Fallback") reader.Skip();
            else ReadTextBoxes(paragraph);
        });

    /// <summary>
    /// The content of a w:t, chunk by chunk, as ReadElementContentAsString would give it but without ever holding the
    /// whole node: a text node as long as the part stops at the text limit rather than after it was read.
    /// </summary>
    private void ReadText(ParagraphBuilder paragraph)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.EOF) throw new XmlException("Unexpected end of the part.");
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (reader.CanReadValueChunk)
                    {
                        int read;
                        while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0) paragraph.Append(_chunk.AsSpan(0, read));
                    }
                    else
                    {
                        paragraph.Append(reader.Value);
                    }
                    reader.Read();
                    break;
                case XmlNodeType.Element:
                    // As ReadElementContentAsString: a w:t holds text only.
                    throw new XmlException("A w:t element holds an element.", null,
                        (reader as IXmlLineInfo)?.LineNumber ?? 0, (reader as IXmlLineInfo)?.LinePosition ?? 0);
                default:
                    reader.Read();
                    break;
            }
        }

        reader.Read();
    }

    private void ReadParagraphProperties(ParagraphBuilder paragraph) =>
        reader.ReadChildren(() =>
        {
            if (reader.IsWord("pStyle"))
            {
                paragraph.StyleId = reader.WordAttribute("val");
                reader.Skip();
            }
            else if (reader.IsWord("numPr"))
            {
                (paragraph.NumId, paragraph.Level) = ParagraphListProperties.ReadNumPr(reader);
            }
            else
            {
                reader.Skip(); // including w:pPrChange, the properties before a tracked change
            }
        });

    private void ReadTable(List<string> lines, string cellSeparator)
    {
        var merges = new VerticalMerges();
        void ReadTableChild()
        {
            if (reader.IsWord("tr"))
            {
                var cells = ReadRow(merges);
                if (cells.Exists(cell => !string.IsNullOrWhiteSpace(cell)))
                {
                    merges.Header.Read(cells);
                    Emit(lines, string.Join(cellSeparator, cells));
                }
            }
            else if (IsContainer())
            {
                reader.ReadChildren(ReadTableChild);
            }
            else
            {
                reader.Skip();
            }
        }

        reader.ReadChildren(ReadTableChild);
    }

    /// <summary>
    /// What the cells merged down a table (vMerge) read: the text of each grid column's last cell, and the table's
    /// header. A continuation cell repeats the text above in a units or deadline column (牵头单位 merged over three
    /// tasks holds for each) and is empty elsewhere, as the HTML and workbook readers do (<see cref="MergedCells"/>).
    /// </summary>
    private sealed class VerticalMerges
    {
        public MergedCells.Header Header { get; } = new();

        public Dictionary<int, string> Above { get; } = [];
    }

    private List<string> ReadRow(VerticalMerges merges)
    {
        var cells = new List<string>();
        int gridBefore = 0, gridAfter = 0;

        void ReadRowChild()
        {
            if (reader.IsWord("tc"))
            {
                ReadCell(cells, gridBefore, merges);
            }
            else if (reader.IsWord("trPr"))
            {
                reader.ReadChildren(() =>
                {
                    // Grid columns skipped before or after the row's cells: empty cells keep the columns aligned.
                    if (reader.IsWord("gridBefore")) gridBefore = Math.Clamp(reader.WordIntAttribute("val") ?? 0, 0, MaxGridSpan);
                    else if (reader.IsWord("gridAfter")) gridAfter = Math.Clamp(reader.WordIntAttribute("val") ?? 0, 0, MaxGridSpan);
                    reader.Skip();
                });
            }
            else if (IsContainer())
            {
                reader.ReadChildren(ReadRowChild);
            }
            else
            {
                reader.Skip();
            }
        }

        reader.ReadChildren(ReadRowChild);
        budget.Spend(gridBefore + gridAfter);
        cells.InsertRange(0, Enumerable.Repeat("", gridBefore));
        cells.AddRange(Enumerable.Repeat("", gridAfter));
        return cells;
    }

    /// <param name="gridBefore">Grid columns skipped before the row's first cell (w:gridBefore, read before the cells).</param>
    private void ReadCell(List<string> cells, int gridBefore, VerticalMerges merges)
    {
        var content = new List<string>();
        var span = 1;
        var continuesMerge = false;

        void ReadCellChild()
        {
            if (reader.IsWord("tcPr"))
            {
                reader.ReadChildren(() =>
                {
                    if (reader.IsWord("gridSpan")) span = Math.Clamp(reader.WordIntAttribute("val") ?? 1, 1, MaxGridSpan);
                    // vMerge (and the legacy hMerge) without "restart" continues the cell above (or before): its text
                    // belongs to the first cell of the merge, this one is empty.
                    else if (reader.IsWord("vMerge") || reader.IsWord("hMerge")) continuesMerge |= reader.WordAttribute("val") != "restart";
                    reader.Skip();
                });
            }
            else if (reader.IsWord("p"))
            {
                var boxes = new List<string>();
                Emit(content, ReadParagraph(boxes, NestedSeparator).Trim());
                content.AddRange(boxes.Select(b => b.Trim()));
            }
            else if (reader.IsWord("tbl"))
            {
                ReadTable(content, NestedSeparator);
            }
            else if (IsContainer())
            {
                reader.ReadChildren(ReadCellChild);
            }
            else
            {
                reader.Skip();
            }
        }

        reader.ReadChildren(ReadCellChild);
        // One character per cell for the tab before it: a row of empty cells is text too.
        budget.Spend(span);
        var column = gridBefore + cells.Count;
        string text;
        if (continuesMerge)
        {
            text = merges.Header.InBody && merges.Header.HoldsForEachRow(column) ? merges.Above.GetValueOrDefault(column, "") : "";
            // Repeated text is text read: a long cell merged down thousands of rows stops at the text limit.
            budget.Spend(text.Length);
        }
        else
            merges.Above[column] = text = string.Join(NestedSeparator, content.Where(text => text.Length > 0));
        cells.Add(text);
        for (var i = 1; i < span; i++)
        {
            merges.Above.Remove(column + i);
            cells.Add("");
        }
    }

    /// <summary>
    /// Whether to look inside the current element for content: w: wrappers such as w:sdt, w:r, w:hyperlink, w:ins,
    /// and the first branch of mc:AlternateContent. Deleted or moved-away text, drawings (whose text boxes are read
    /// apart, <see cref="ReadTextBoxes"/>), and the fallback branch are not read.
    /// </summary>
    private bool IsContainer()
    {
        if (reader.NamespaceURI == WordXml.MarkupCompatibilityNamespace)
            return reader.LocalName is "AlternateContent" or "Choice";
        if (!reader.IsWordNamespace()) return false;
        return reader.LocalName is not ("del" or "moveFrom" or "delText" or "instrText" or "delInstrText" or "drawing"
            or "pict" or "object" or "txbxContent" or "sdtPr" or "sdtEndPr" or "rPr" or "tblPr" or "tblGrid" or "trPr"
            or "tcPr" or "sectPr" or "pPrChange" or "rPrChange" or "footnoteReference" or "endnoteReference"
            or "commentReference" or "fldData");
    }

    /// <summary>The text and list properties of one paragraph as it is read, its characters spent as they come.</summary>
    private sealed class ParagraphBuilder(TextBudget budget)
    {
        private readonly StringBuilder _text = new();

        public string? StyleId { get; set; }
        public int? NumId { get; set; }
        public int? Level { get; set; }

        public ParagraphListProperties ListProperties => new(StyleId, NumId, Level);

        /// <summary>The lines of the text boxes anchored in the paragraph, and how their tables' cells are separated.</summary>
        public required List<string> Boxes { get; init; }
        public required string CellSeparator { get; init; }

        public string Text => _text.ToString();

        /// <summary>Appends run text; control characters and line separators become spaces, so a paragraph stays one line.</summary>
        public void Append(ReadOnlySpan<char> text)
        {
            budget.Spend(text.Length);
            foreach (var c in text)
                _text.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }
    }
}
