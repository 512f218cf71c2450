namespace Duban.Parsing.Input.Docx;

/// <summary>One level (w:lvl) of a Word list definition.</summary>
/// <param name="Start">The first number (w:start), 1 unless stated.</param>
/// <param name="Format">The number format (w:numFmt), e.g. decimal, chineseCounting.</param>
/// <param name="Text">The label pattern (w:lvlText), e.g. "%1." or "（%1）"; %n stands for level n's number.</param>
/// <param name="IsLegal">w:isLgl: every %n in the label is shown in decimal ("1.1" under "一、").</param>
/// <param name="Suffix">What follows the label (w:suff): tab (the default), space or nothing.</param>
/// <param name="StyleId">The paragraph style this level is tied to (w:pStyle), if any.</param>
internal sealed record ListLevel(int Start, string Format, string? Text, bool IsLegal, string Suffix, string? StyleId)
{
    public const int MaxLevels = 9;

    public bool HasSuffix => Suffix != "nothing";
}
