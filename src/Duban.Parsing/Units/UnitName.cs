using System.Text;

namespace Duban.Parsing.Units;

/// <summary>
/// A unit name as it will be shown (<see cref="Written"/>) together with its folded form (<see cref="Key"/>), which
/// the rules match on. The two always have the same length, character for character.
/// </summary>
internal readonly record struct UnitName(string Written, string Key)
{
    public static UnitName Of(string written) => new(written, ChineseFolding.Fold(written));

    /// <summary>The name written in <paramref name="text"/>[<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static UnitName Read(string text, int start, int end) => Of(Normalize(text.AsSpan(start, end - start)));

    public int Length => Written.Length;

    public bool IsEmpty => Written.Length == 0;

    public UnitName Slice(int start, int length) => new(Written.Substring(start, length), Key.Substring(start, length));

    public UnitName Slice(int start) => Slice(start, Length - start);

    public static UnitName operator +(UnitName a, UnitName b) => new(a.Written + b.Written, a.Key + b.Key);

    /// <summary>
    /// The display form of a name: no white space (an organisation name never has any, so any there is a line wrap or
    /// a stray space), brackets in their full-width form, and a list inside brackets separated by 、 as in 县（市、区）.
    /// </summary>
    public static string Normalize(ReadOnlySpan<char> raw)
    {
        if (!NeedsNormalizing(raw)) return raw.ToString();
        var result = new StringBuilder(raw.Length);
        var depth = 0;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c)) continue;
            switch (c)
            {
                case '(' or '（' or '<' or '〈' or '＜':
                    depth++;
                    result.Append('（');
                    break;
                case ')' or '）' or '>' or '〉' or '＞':
                    depth = Math.Max(0, depth - 1);
                    result.Append('）');
                    break;
                case ',' or '，' or ';' or '；' when depth > 0:
                    result.Append('、');
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }
        return result.ToString();
    }

    private static bool NeedsNormalizing(ReadOnlySpan<char> raw)
    {
        foreach (var c in raw)
            if (char.IsWhiteSpace(c) || c is '(' or ')' or '<' or '>' or '〈' or '〉' or '＜' or '＞' or ',' or '，' or ';' or '；')
                return true;
        return false;
    }

    public override string ToString() => Written;
}
