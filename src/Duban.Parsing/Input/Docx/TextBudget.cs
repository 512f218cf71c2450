using System.Globalization;

namespace Duban.Parsing.Input.Docx;

/// <summary>
/// The characters an extraction may still write (<see cref="InputLimits.MaxDocxTextCharacters"/>). The part's bytes are
/// bounded already, but a bounded part can still unfold into millions of lines of text, and every later stage (the
/// parser, the review page) costs many times the text's size: the extraction stops as soon as the budget is spent,
/// never holding more than that much text.
/// </summary>
internal sealed class TextBudget(long maxCharacters)
{
    private long _spent;

    /// <summary>Counts <paramref name="characters"/> more; throws <c>docx.tooLarge</c> once the total passes the limit.</summary>
    public void Spend(int characters)
    {
        _spent += characters;
        if (_spent > maxCharacters)
            throw new PlanInputException(InputErrorCodes.DocxTooLarge, string.Create(CultureInfo.InvariantCulture,
                $"该 .docx 文件的正文超过 {maxCharacters:N0} 个字符的上限，已停止读取。计划文件通常只有几万字：请确认选择的文件无误，或将正文拆分后分别导入。"));
    }
}
