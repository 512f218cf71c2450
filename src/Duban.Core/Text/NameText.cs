using System.Buffers;
using System.Globalization;
using System.Text;

namespace Duban.Core.Text;

/// <summary>
/// The one rule for names people type: organisations and their aliases, users' names and display names, regions, evidence
/// file names, webhooks and API tokens. A name must look like what it is: characters that cannot be seen (zero-width
/// spaces, U+FEFF), that reorder what is seen (bidi controls such as U+202E) or that are not text at all (C0 and C1
/// controls) are refused, so that no look-alike of “清河市教育局” can be made, and the rest is normalised so that
/// two spellings of one visible name are stored alike.
/// </summary>
/// <remarks>
/// Normalisation is NFKC “where it fits”: NFKC folds full-width letters and digits (“第１中学” → “第1中学”), Kangxi
/// radicals and compatibility ideographs to the ideographs they look like, and odd spaces to a plain space; those are
/// look-alikes worth folding. But NFKC also turns the full-width punctuation of official Chinese names into ASCII
/// (“（职成科）” → “(职成科)”), which would rewrite a name away from how the documents print it. So full-width
/// punctuation and symbols (the U+FF01–FF60 punctuation of the Halfwidth and Fullwidth Forms block, and U+FFE0–FFE6)
/// are kept as typed, and everything around them is NFKC-normalised. Nothing is converted the other way: an ASCII
/// “(” typed by the user stays ASCII.
/// <para>Private-use characters are accepted: some input methods still put the rare characters of people's and places'
/// names (生僻字) there, and refusing them would refuse those people.</para>
/// </remarks>
public static class NameText
{
    /// <summary>
    /// The name trimmed and normalised as the class describes; call it once <see cref="Problem"/> has found nothing.
    /// A string that is not valid UTF-16 (a lone surrogate) is returned trimmed only, since no normal form exists for it.
    /// </summary>
    public static string Normalize(string name)
    {
        var trimmed = name.Trim();
        if (HasLoneSurrogate(trimmed) || trimmed.IsNormalized(NormalizationForm.FormKC)) return trimmed;
        var normalized = new StringBuilder(trimmed.Length);
        var runStart = 0;
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (!IsKeptAsTyped(trimmed[i])) continue;
            normalized.Append(trimmed[runStart..i].Normalize(NormalizationForm.FormKC)).Append(trimmed[i]);
            runStart = i + 1;
        }
        normalized.Append(trimmed[runStart..].Normalize(NormalizationForm.FormKC));
        // The kept characters compose with nothing, but NFC over the whole makes the result a normal form anyway.
        return normalized.ToString().Normalize(NormalizationForm.FormC).Trim();
    }

    /// <summary>
    /// What is wrong with the characters of <paramref name="name"/>, in Chinese, naming the first offending character by
    /// its code point and position; null when every character may stand in a name. Emptiness and length are the
    /// caller's to check, each with its own words.
    /// </summary>
    /// <param name="label">What the name is, as the message should call it: “单位名称”, “姓名”, “文件名”.</param>
    public static string? Problem(string? name, string label)
    {
        if (name is null) return null;
        var text = name.Trim();
        var position = 0;
        for (var i = 0; i < text.Length;)
        {
            position++;
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != OperationStatus.Done)
                return $"{label}含有无效字符 U+{(int)text[i]:X4}（第 {position} 个字符，不成对的代理项），请删除后重试。";
            if (KindOf(rune) is { } kind)
                return $"{label}含有{kind} U+{rune.Value:X4}（第 {position} 个字符），请删除后重试。";
            i += used;
        }
        return null;
    }

    /// <summary>Why the character may not stand in a name, or null when it may.</summary>
    private static string? KindOf(Rune rune)
    {
        if (IsBidiControl(rune.Value)) return "双向文本控制字符";
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => "控制字符",
            // Cf: zero-width spaces and joiners, U+FEFF, soft hyphen, word joiner, invisible operators, tag characters…
            UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "不可见字符",
            _ => IsOtherInvisible(rune.Value) ? "不可见字符" : null,
        };
    }

    /// <summary>U+061C, U+200E/F, U+202A–202E and U+2066–2069: they change the order in which the rest is shown.</summary>
    private static bool IsBidiControl(int c) => c is 0x061C or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    /// <summary>
    /// Default-ignorable code points outside Cf (Unicode's DerivedCoreProperties), which render as nothing: the
    /// combining grapheme joiner, Hangul and Khmer fillers, Mongolian and other variation selectors, and the reserved
    /// ignorable ranges; plus U+2800, the blank Braille pattern, which is a favourite “empty” name. Variation selectors
    /// are refused too: the ideographic variation sequences they form are not used in mainland names, and unseen they
    /// make two names that look alike differ.
    /// </summary>
    private static bool IsOtherInvisible(int c) => c is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or (>= 0x180B and <= 0x180F)
        or (>= 0x2060 and <= 0x206F) or 0x2800 or 0x3164 or (>= 0xFE00 and <= 0xFE0F) or 0xFFA0 or (>= 0xFFF0 and <= 0xFFF8)
        or (>= 0x1BCA0 and <= 0x1BCA3) or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);

    /// <summary>Full-width punctuation and symbols, which official names print and NFKC would turn into ASCII.</summary>
    private static bool IsKeptAsTyped(char c) => c is (>= '\uFF01' and <= '\uFF0F') or (>= '\uFF1A' and <= '\uFF20')
        or (>= '\uFF3B' and <= '\uFF40') or (>= '\uFF5B' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out _, out var used) != OperationStatus.Done) return true;
            i += used;
        }
        return false;
    }
}
