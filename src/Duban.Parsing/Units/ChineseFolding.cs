namespace Duban.Parsing.Units;

/// <summary>
/// Maps each character to the form the unit rules match on: traditional characters to simplified ones and ASCII or
/// variant punctuation to the full-width forms. One character always maps to one character, so an index into the
/// folded text is an index into the text as written and spans stay exact.
/// </summary>
/// <remarks>
/// Only characters that occur in organisation names and in the words the rules look for are listed. Folding is used for
/// matching and alias lookup only; a character left out merely misses a match, it never changes what is shown.
/// </remarks>
internal static class ChineseFolding
{
    // Pairs of (variant, folded form) for punctuation; traditional characters come from Text.TraditionalChinese.
    // Angle brackets stand for round ones in some fields (各县<市、区>人民政府, 各县〈市、区〉人民政府).
    private const string Pairs = "(（)）<（>）〈（〉）＜（＞）,，;；:：\u3000 ﹑、､、︰：﹐，﹔；";

    // The folded form of every UTF-16 code unit, indexed by the code unit: a string, so it is immutable, and a table,
    // so folding costs one load per character.
    private static readonly string Table = BuildTable();

    public static char Fold(char c) => Table[c];

    public static string Fold(string text)
    {
        char[]? folded = null;
        for (var i = 0; i < text.Length; i++)
        {
            var f = Fold(text[i]);
            if (f == text[i]) continue;
            folded ??= text.ToCharArray();
            folded[i] = f;
        }
        return folded is null ? text : new string(folded);
    }

    /// <summary>A CJK ideograph (basic block, extension A or compatibility ideographs).</summary>
    public static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    private static string BuildTable() => string.Create(char.MaxValue + 1, Pairs, static (table, pairs) =>
    {
        for (var c = 0; c < table.Length; c++) table[c] = (char)c;
        for (var i = 0; i + 1 < pairs.Length; i += 2) table[pairs[i]] = pairs[i + 1];
        foreach (var (traditional, simplified) in Text.TraditionalChinese.All) table[traditional] = simplified;
    });
}
