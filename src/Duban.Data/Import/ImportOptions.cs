namespace Duban.Data.Import;

/// <summary>What an upload must be to be imported.</summary>
public sealed record ImportOptions
{
    /// <summary>The largest file accepted. Plans are a few hundred kilobytes; 20 MB leaves room for .docx files with pictures.</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>The file name extensions accepted, compared ignoring case.</summary>
    public IReadOnlyList<string> AllowedExtensions { get; init; } = [".txt", ".docx", ".pdf", ".html", ".htm", ".mht", ".mhtml", ".xlsx", ".xls", ".et", ".ods"];

    /// <summary>The allowed extensions for messages and the file input's accept attribute: ".txt、.docx、…".</summary>
    public string AllowedList => string.Join("、", AllowedExtensions);

    /// <summary>
    /// Why a known format that is not read is refused, naming it and asking for .docx or PDF; null for other extensions.
    /// Word 97-2003, WPS and OFD have no maintained reader here (docs/input-formats.md, "Refused formats").
    /// </summary>
    public static string? RefusalOf(string? extension) => extension?.ToLowerInvariant() switch
    {
        ".doc" => "这是 Word 97-2003（.doc）格式文件，无法读取。请在 Word 或 WPS 中另存为 .docx 或导出为 PDF 后再导入。",
        ".wps" => "这是 WPS 文字（.wps）格式文件，无法读取。请在 WPS 中另存为 .docx 或导出为 PDF 后再导入。",
        ".ofd" => "这是 OFD 版式文件，无法读取。请提供 .docx 或 PDF 版本（可向发文单位索取，或用数科阅读器等另存为 PDF）后再导入。",
        _ => null,
    };

    /// <summary>The region a plan goes to when neither the caller nor the document names one.</summary>
    public string UnknownRegionName { get; init; } = "未指定地区";

    public static ImportOptions Default { get; } = new();
}
