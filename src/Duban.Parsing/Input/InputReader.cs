using System.Globalization;
using Duban.Parsing.Input.Docx;
using Duban.Parsing.Input.Pdf;

namespace Duban.Parsing.Input;

/// <summary>
/// Turns input bytes into <see cref="SourceText"/>: the format is told by the bytes (<see cref="InputSniffer"/>) and
/// each has its reader — .docx, PDF, HTML and .mht pages, workbooks (.xlsx, .xls/.et, .ods) — and anything else is
/// decoded as plain text (docs/input-formats.md). Reads only the bytes it is given; it never touches the file system.
/// </summary>
public static class InputReader
{
    /// <param name="content">The whole input.</param>
    /// <param name="fileName">The original file name, used only as a hint (a .docx name makes a non-ZIP an error).</param>
    /// <param name="limits">Size limits; <see cref="InputLimits.Default"/> suits most callers.</param>
    /// <exception cref="PlanInputException">The input cannot be read as a plan; see <see cref="InputErrorCodes"/>.</exception>
    public static SourceText Read(ReadOnlySpan<byte> content, string? fileName, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (content.Length > limits.MaxInputBytes)
            throw new PlanInputException(InputErrorCodes.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"输入文件过大（{content.Length:N0} 字节），上限为 {limits.MaxInputBytes:N0} 字节。"));
        if (content.IsEmpty)
            throw new PlanInputException(InputErrorCodes.Empty, "输入为空，没有可读取的文字。");

        return InputSniffer.Sniff(content, fileName) switch
        {
            InputKind.Docx => DocxTextExtractor.Extract(content, limits),
            InputKind.Html => Html.HtmlTextExtractor.Extract(content, limits),
            InputKind.Xlsx => Xlsx.XlsxTextExtractor.Extract(content, limits),
            InputKind.Xls => Xls.XlsTextExtractor.Extract(content, limits),
            InputKind.Ods => Ods.OdsTextExtractor.Extract(content, limits),
            InputKind.Mht => Mht.MhtTextExtractor.Extract(content, limits),
            InputKind.Wps => throw new PlanInputException(InputErrorCodes.UnsupportedFormat,
                "这是 WPS 文字（.wps）格式文件，无法读取。请在 WPS 中另存为 .docx 或导出为 PDF 后再导入。"),
            InputKind.Ofd => throw new PlanInputException(InputErrorCodes.UnsupportedFormat,
                "这是 OFD 版式文件，无法读取。请提供 .docx 或 PDF 版本（可向发文单位索取，或用数科阅读器等另存为 PDF）后再导入。"),
            InputKind.NamedDocxButNotZip => throw new PlanInputException(InputErrorCodes.DocxCorrupt,
                "不是有效的 .docx 文件（无法作为 ZIP 打开）。"),
            InputKind.LegacyOffice => throw new PlanInputException(InputErrorCodes.UnsupportedFormat,
                "这是 Word 97-2003（.doc）格式或加密的 Office 文件，无法读取。请在 Word 或 WPS 中另存为 .docx 或导出为 PDF（如有密码请先取消）后再导入。"),
            InputKind.Rtf => throw new PlanInputException(InputErrorCodes.UnsupportedFormat,
                "这是 RTF 格式文件，无法读取。请在 Word 或 WPS 中另存为 .docx 后再导入。"),
            InputKind.Pdf => PdfTextExtractor.Extract(content, limits),
            _ => TextDecoder.Decode(content),
        };
    }
}
