namespace Duban.Web.Notices;

/// <summary>The parts of a formal document (公文) as GB/T 9704 lays them out, each with its own font and place.</summary>
public enum DocumentPart
{
    /// <summary>标题: 方正小标宋简体 二号, centred.</summary>
    Title,
    /// <summary>发文字号: 督办〔2026〕12号, 仿宋 三号, centred under the title.</summary>
    Number,
    /// <summary>主送机关: flush left, followed by a full-width colon.</summary>
    Recipient,
    /// <summary>一级标题 (一、…): 黑体 三号, indented two characters.</summary>
    Heading,
    /// <summary>正文: 仿宋_GB2312 三号, first line indented two characters.</summary>
    Body,
    /// <summary>发文机关署名: right, above the date.</summary>
    Signature,
    /// <summary>成文日期: 2026年12月6日, right.</summary>
    Date,
    /// <summary>A table (the ranking of a 通报, the scores of a 督导报告): 仿宋 五号 in ruled cells, the header row in 黑体.</summary>
    Table,
}

/// <summary>A table's header and rows of cell texts.</summary>
public sealed record DocumentTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>One paragraph of a formal document; a <see cref="DocumentPart.Table"/> carries its <see cref="Table"/> (and its caption as the text).</summary>
public sealed record DocumentParagraph(DocumentPart Part, string Text, DocumentTable? Table = null);

/// <summary>A formal document to print, stamp and send: its paragraphs in order.</summary>
public sealed record OfficialDocument(string Title, IReadOnlyList<DocumentParagraph> Paragraphs);
