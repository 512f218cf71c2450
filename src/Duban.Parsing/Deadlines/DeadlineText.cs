using System.Globalization;
using System.Text;

namespace Duban.Parsing.Deadlines;

/// <summary>
/// Folds the variation of real deadline cells away before they are read: white space (documents put spaces inside
/// numbers, "2021 年 6 月"), full-width digits, the many dash and tilde shapes, traditional characters and "O" typed
/// for "〇" inside a Chinese year. The result is only read, never shown, so losing the original spacing is harmless.
/// </summary>
internal static class DeadlineText
{
    /// <summary>The range dash every dash variant (— – ‐ − － …) becomes.</summary>
    public const char Dash = '-';

    /// <summary>The tilde every tilde variant (～ 〜) becomes.</summary>
    public const char Tilde = '~';

    public static string Normalize(string written)
    {
        var folded = new StringBuilder(written.Length);
        foreach (var c in written)
        {
            // Zero-width spaces and BOMs (category Cf) come with text copied out of PDFs and web pages.
            if (char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format) continue;
            var f = Fold(c);
            // "二O二二" (a Latin O typed for 〇) is common in scanned or hand-typed plans.
            if (f is 'O' or 'o' && folded.Length > 0 && Numeral.IsChineseDigit(folded[^1])) f = '〇';
            folded.Append(f);
        }
        return folded.ToString();
    }

    private static char Fold(char c) => c switch
    {
        >= '０' and <= '９' => (char)(c - '０' + '0'),
        '．' => '.',
        '／' => '/',
        'Ｏ' => 'O',
        'ｏ' => 'o',
        '—' or '–' or '‐' or '‑' or '‒' or '―' or '−' or '－' or '﹣' => Dash,
        '～' or '〜' or '∼' => Tilde,
        _ => Text.TraditionalChinese.ToSimplified(c),
    };
}
