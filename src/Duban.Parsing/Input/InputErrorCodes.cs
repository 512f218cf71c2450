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

    /// <summary>A format recognised but not read: Word 97-2003 .doc (and encrypted Office files), RTF, PDF.</summary>
    public const string UnsupportedFormat = "input.unsupportedFormat";

    /// <summary>A .docx that cannot be opened: not a ZIP, no word/document.xml, malformed XML.</summary>
    public const string DocxCorrupt = "docx.corrupt";

    /// <summary>A .docx that would decompress to more than the limits allow (zip bomb), or yield more text than <see cref="InputLimits.MaxDocxTextCharacters"/>.</summary>
    public const string DocxTooLarge = "docx.tooLarge";

    /// <summary>An HTML page beyond the limits: nested deeper than the reader follows, or more text than <see cref="InputLimits.MaxDocxTextCharacters"/>.</summary>
    public const string HtmlTooLarge = "html.tooLarge";

    /// <summary>An .xlsx that cannot be opened: not a ZIP, no workbook or sheet, malformed XML.</summary>
    public const string XlsxCorrupt = "xlsx.corrupt";

    /// <summary>An .xlsx beyond the limits: a zip bomb, more cells than <see cref="InputLimits.MaxXlsxCells"/>, or too much text.</summary>
    public const string XlsxTooLarge = "xlsx.tooLarge";
}
