namespace Duban.Parsing.Input;

/// <summary>
/// Counts over decoded text that tell text from binary data, and a plausible decoding from mojibake.
/// </summary>
internal readonly record struct CharacterProfile(int Length, int NulCharacters, int ControlCharacters, int Visible, int Plausible)
{
    // Real text has almost no control characters; binary data decoded as Latin-ish text has many.
    private const double MaxControlShare = 0.10;

    // A guessed decoding (GB18030, BOM-less UTF-16) must give mostly characters a Chinese plan actually contains.
    private const double MinPlausibleShare = 0.90;

    /// <summary>NUL characters, or more than 10% control characters other than tab and line breaks.</summary>
    public bool LooksBinary => NulCharacters > 0 || ControlCharacters > Length * MaxControlShare;

    // Control characters other than tab and line breaks (\t \n \v \f \r), and the C1 controls.
    private static readonly System.Buffers.SearchValues<char> Suspects = System.Buffers.SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + string.Concat(Enumerable.Range(0x7F, 0x9F - 0x7F + 1).Select(c => (char)c)));

    /// <summary>
    /// Whether <paramref name="text"/> looks binary, without profiling every character when it holds no control
    /// character other than line breaks and tabs (a vectorised scan): the usual case, decided at memory speed.
    /// </summary>
    public static bool IsBinary(ReadOnlySpan<char> text)
    {
        // One search for all of them: resuming a range search after every line break cost one call per line.
        if (text.IndexOfAny(Suspects) < 0) return false;
        return Of(text).LooksBinary;
    }

    /// <summary>At least 90% of the visible characters are ASCII, CJK, CJK punctuation or common symbols.</summary>
    public bool LooksLikeChineseText => Visible == 0 || Plausible >= Visible * MinPlausibleShare;

    public static CharacterProfile Of(ReadOnlySpan<char> text)
    {
        int nul = 0, control = 0, visible = 0, plausible = 0;
        foreach (var c in text)
        {
            if (c == '\0') nul++;
            if (char.IsWhiteSpace(c)) continue;
            if (char.IsControl(c))
            {
                control++;
                continue;
            }

            visible++;
            if (IsPlausible(c)) plausible++;
        }

        return new CharacterProfile(text.Length, nul, control, visible, plausible);
    }

    private static bool IsPlausible(char c) => c switch
    {
        >= '\u0020' and <= '\u007E' => true, // ASCII
        >= '\u00A0' and <= '\u024F' => true, // Latin-1 supplement, Latin extended (·, ×, é)
        >= '\u0370' and <= '\u04FF' => true, // Greek and Cyrillic, both in GB2312
        >= '\u2000' and <= '\u2BFF' => true, // punctuation, ℃, Ⅰ, ①, arrows, maths, box drawing, ■ ★
        >= '\u2E80' and <= '\u9FFF' => true, // CJK radicals, 、。《》, kana, ㈠, Ext A, unified ideographs
        >= '\uD800' and <= '\uDFFF' => true, // supplementary ideographs (Ext B and later) as surrogate pairs
        >= '\uF900' and <= '\uFAFF' => true, // CJK compatibility ideographs
        >= '\uFE10' and <= '\uFE4F' => true, // vertical and compatibility forms
        >= '\uFF00' and <= '\uFFEF' => true, // full-width forms: ，（）：；
        _ => false,
    };
}
