namespace Duban.Parsing.Model;

/// <summary>A heading (一、 （一） 1. （1） ①) or an annex block (附件N), with the headings below it.</summary>
public sealed record Section
{
    public required SectionKind Kind { get; init; }

    /// <summary>Depth in the tree, 1 for the top level.</summary>
    public required int Level { get; init; }

    /// <summary>The marker as written, e.g. "（一）", "1.", "附件2".</summary>
    public required string Marker { get; init; }

    /// <summary>The numbering style of the marker.</summary>
    public required MarkerStyle Style { get; init; }

    /// <summary>The number the marker stands for (一 → 1, ③ → 3, 2.1 → 1: the last part); 0 for an unnumbered annex.</summary>
    public required int Number { get; init; }

    /// <summary>The heading text without its marker (for a run-in heading "（七）加强组织领导。正文…", the part before 。).</summary>
    public required string Title { get; init; }

    /// <summary>Span of the heading line (marker and title).</summary>
    public required SourceSpan Span { get; init; }

    public IReadOnlyList<Section> Children { get; init; } = [];
}

public enum SectionKind
{
    Heading,
    Annex,
}

/// <summary>GB/T 9704 heading styles, in their usual order of rank.</summary>
public enum MarkerStyle
{
    /// <summary>第一章 / 第一部分.</summary>
    Chapter,
    /// <summary>一、</summary>
    ChineseNumeral,
    /// <summary>（一）</summary>
    ParenChineseNumeral,
    /// <summary>1. / 1、 / 1．</summary>
    Arabic,
    /// <summary>（1）</summary>
    ParenArabic,
    /// <summary>① ②</summary>
    Circled,
    /// <summary>附件N.</summary>
    Annex,
    /// <summary>1.1 / 2.1.1 (decimal numbering, as school plans and 任务书 number their tasks): a child of 1. / 一、 and of
    /// the number before its last dot.</summary>
    Decimal,
}
