using Duban.Parsing.Model;

namespace Duban.Parsing.Input;

/// <summary>
/// The codes of <see cref="PlanInputException"/>, stable across versions so that callers can map them to their own
/// responses without parsing the (Chinese) message.
/// </summary>
public static class InputErrorCodes
{
    /// <summary>No bytes, or nothing but white space once decoded.</summary>
    public const string Empty = WarningCodes.EmptyDocument;

    /// <summary>Binary data: NUL bytes, or too many control characters to be text.</summary>
    public const string NotText = WarningCodes.NotText;

    /// <summary>More bytes than <see cref="InputLimits.MaxInputBytes"/>.</summary>
    public const string TooLarge = "input.tooLarge";

    /// <summary>A format recognised but not read: Word 97-2003 .doc (and encrypted Office files), RTF.</summary>
    public const string UnsupportedFormat = "input.unsupportedFormat";

    /// <summary>A .docx that cannot be opened: not a ZIP, no word/document.xml, malformed XML.</summary>
    public const string DocxCorrupt = "docx.corrupt";

    /// <summary>A .docx that would decompress to more than the limits allow (zip bomb), or yield more text than <see cref="InputLimits.MaxDocxTextCharacters"/>.</summary>
    public const string DocxTooLarge = "docx.tooLarge";

    /// <summary>A PDF that needs a password to open.</summary>
    public const string PdfEncrypted = "pdf.encrypted";

    /// <summary>A PDF with no text layer (a scan, or images only): nothing to read without OCR.</summary>
    public const string PdfNoText = "pdf.noText";

    /// <summary>A PDF that cannot be opened: broken structure, unreadable objects or streams.</summary>
    public const string PdfCorrupt = "pdf.corrupt";

    /// <summary>A PDF with more pages than <see cref="InputLimits.MaxPdfPages"/>.</summary>
    public const string PdfTooManyPages = "pdf.tooManyPages";

    /// <summary>A PDF yielding more text than <see cref="InputLimits.MaxDocxTextCharacters"/>.</summary>
    public const string PdfTooLarge = "pdf.tooLarge";

    /// <summary>An HTML page beyond the limits: nested deeper than the reader follows, or more text than <see cref="InputLimits.MaxDocxTextCharacters"/>.</summary>
    public const string HtmlTooLarge = "html.tooLarge";

    /// <summary>An .xlsx that cannot be opened: not a ZIP, no workbook or sheet, malformed XML.</summary>
    public const string XlsxCorrupt = "xlsx.corrupt";

    /// <summary>An .xlsx beyond the limits: a zip bomb, more cells than <see cref="InputLimits.MaxXlsxCells"/>, or too much text.</summary>
    public const string XlsxTooLarge = "xlsx.tooLarge";

    /// <summary>An .xls or BIFF .et workbook that cannot be read: truncated or broken records, a damaged compound file.</summary>
    public const string XlsCorrupt = "xls.corrupt";

    /// <summary>An .xls or BIFF .et workbook with an open password.</summary>
    public const string XlsEncrypted = "xls.encrypted";

    /// <summary>An .xls or BIFF .et workbook beyond the limits: more cells than <see cref="InputLimits.MaxXlsxCells"/>, or too much text.</summary>
    public const string XlsTooLarge = "xls.tooLarge";

    /// <summary>An .ods that cannot be opened: not a ZIP, no content.xml, malformed XML.</summary>
    public const string OdsCorrupt = "ods.corrupt";

    /// <summary>An .ods beyond the limits: a zip bomb, more cells than <see cref="InputLimits.MaxXlsxCells"/> (repeated cells counted as often as they repeat), or too much text.</summary>
    public const string OdsTooLarge = "ods.tooLarge";

    /// <summary>An .mht/.mhtml web archive that cannot be read: broken MIME structure, or no HTML part.</summary>
    public const string MhtCorrupt = "mht.corrupt";
}
