using Duban.Parsing.Model;

namespace Duban.Parsing.Input;

/// <summary>The text of an input document, decoded or extracted, ready for the parser.</summary>
/// <param name="Text">The text. For .docx: one line per paragraph, one line per table row with cells separated by tabs.</param>
/// <param name="Format"><c>text</c>, <c>docx</c>, <c>pdf</c>, <c>html</c>, <c>mht</c>, <c>xlsx</c>, <c>xls</c> (also a BIFF .et) or <c>ods</c>.</param>
/// <param name="Encoding">The detected encoding for text input (utf-8, utf-16le, utf-16be, gb18030), also the page's for HTML; null for .docx, .pdf and .xlsx.</param>
/// <param name="Warnings">What went wrong while reading but did not stop it (invalid bytes replaced, …).</param>
public sealed record SourceText(string Text, string Format, string? Encoding, IReadOnlyList<ParseWarning> Warnings)
{
    /// <summary>
    /// For a PDF: where each page begins in <see cref="Text"/> (element i is the offset of page i + 1), so that a span
    /// can be told its page. Null for text and .docx.
    /// </summary>
    public IReadOnlyList<int>? PageStarts { get; init; }

    /// <summary>
    /// For a PDF: where each piece of <see cref="Text"/> stands on its page (see <see cref="PageRegion"/>), in text
    /// order. Null for other formats.
    /// </summary>
    public IReadOnlyList<PageRegion>? Regions { get; init; }
}

/// <summary>An input that cannot be read as a plan at all: empty, binary, a broken or oversized .docx.</summary>
public sealed class PlanInputException(string code, string message) : Exception(message)
{
    /// <summary>A stable code, one of <see cref="InputErrorCodes"/>: input.empty, input.notText, docx.corrupt, docx.tooLarge, ….</summary>
    public string Code { get; } = code;
}

/// <summary>Limits that keep hostile input from exhausting memory or time.</summary>
public sealed record InputLimits
{
    /// <summary>Largest input accepted, in bytes.</summary>
    public long MaxInputBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest decompressed size of a .docx part that is read.</summary>
    public long MaxDocxPartBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Largest compression ratio tolerated for a .docx part before it is treated as a zip bomb.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Largest number of entries tolerated in a .docx archive; a real document has a few dozen.</summary>
    public int MaxDocxEntries { get; init; } = 10_000;

    /// <summary>
    /// Most characters of text extracted from a .docx; beyond it the file is refused (docx.tooLarge) and reading stops.
    /// A plan runs to tens of thousands of characters; a million is some 600 printed pages. What a document costs in
    /// memory follows its text, not its bytes (docs/benchmarks.md, "A large .docx").
    /// </summary>
    public long MaxDocxTextCharacters { get; init; } = 1_000_000;

    /// <summary>Most pages of a PDF that are read; a plan has tens of pages, a bigger PDF is refused (pdf.tooManyPages) before any page is read.</summary>
    public int MaxPdfPages { get; init; } = 500;

    /// <summary>Most cells (filled or styled, as the sheet XML lists them) read from an .xlsx, all sheets together.</summary>
    public long MaxXlsxCells { get; init; } = 200_000;

    /// <summary>Deepest element nesting followed in an HTML page; deeper pages are refused (html.tooLarge).</summary>
    public int MaxHtmlDepth { get; init; } = 512;

    public static InputLimits Default { get; } = new();
}
