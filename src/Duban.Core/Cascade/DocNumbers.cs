using System.Text;

namespace Duban.Core.Cascade;

/// <summary>
/// 发文字号 compared as the same number however typed: 甘政发〔2020〕38号, 甘政发[2020]38号, 甘政发（2020）38 号 and
/// full-width digits all give 甘政发[2020]38号.
/// </summary>
public static class DocNumbers
{
    public static string? Key(string? docNumber)
    {
        if (string.IsNullOrWhiteSpace(docNumber)) return null;
        var key = new StringBuilder(docNumber.Length);
        foreach (var c in docNumber.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || c == '\u3000') continue;
            key.Append(c switch
            {
                '〔' or '[' or '(' or '（' or '【' or '〈' or '［' or '｛' or '{' or '〖' => '[',
                '〕' or ']' or ')' or '）' or '】' or '〉' or '］' or '｝' or '}' or '〗' => ']',
                _ => c,
            });
        }
        return key.Length == 0 ? null : key.ToString();
    }

    public static bool Same(string? a, string? b) => Key(a) is { } x && x == Key(b);
}
