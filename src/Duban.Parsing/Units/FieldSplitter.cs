using System.Buffers;

namespace Duban.Parsing.Units;

/// <summary>A stretch [<see cref="Start"/>, <see cref="End"/>) of a field: one unit as written.</summary>
internal readonly record struct Piece(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Cuts a folded field into pieces, one per unit as written. Punctuation separators always cut (outside brackets);
/// in a table cell white space cuts as well. Conjunctions (和, 与, 及, 以及) and, outside table cells, white space
/// cut only between two whole names, since they also occur inside names (市人力资源和社会保障局).
/// </summary>
internal static class FieldSplitter
{
    // A full stop, a colon (责任单位：…) and slashes are separators too: none occurs inside an organisation name.
    private static readonly SearchValues<char> Separators = SearchValues.Create("、，；：。／/|");

    private static readonly SearchValues<char> Conjunctions = SearchValues.Create("和与及");

    // Labels that slip into a field: dropped at the start of a piece. Longest first.
    private static readonly string[] Labels =
    [
        "协同配合单位", "协同配合部门", "协助配合单位", "主要牵头单位", "主要牵头部门", "具体责任单位", "具体落实单位",
        "主要责任单位", "主要负责单位", "牵头单位", "责任单位", "负责单位", "主责单位", "责任部门", "牵头部门", "配合单位",
        "配合部门", "协办单位", "协助单位", "参与单位", "实施单位", "承办单位", "主办单位", "主办部门", "主责部门", "协办部门",
        "参与部门", "协同部门", "协助部门", "牵头处室", "牵头科室", "责任处室", "责任科室", "配合处室", "配合科室", "牵头股室", "责任股室", "配合股室",
    ];

    // Short labels are dropped only when they are the whole piece (牵头：…): at the start of a name they may be part of it.
    private static readonly string[] ShortLabels = ["牵头", "配合", "负责", "协办", "协助", "参与", "责任", "主责", "主办"];

    private const string Numerals = "0123456789一二三四五六七八九十";

    public static List<Piece> Split(string key, BracketMap brackets, bool fromTableCell)
    {
        var pieces = new List<Piece>();
        var start = 0;
        for (var i = 0; i <= key.Length; i++)
        {
            if (i < key.Length)
            {
                if (brackets.OpensPair(i))
                {
                    i = brackets.PartnerOf(i);
                    continue;
                }
                var c = key[i];
                if (!Separators.Contains(c) && !(fromTableCell && char.IsWhiteSpace(c))) continue;
            }
            if (Clean(key, brackets, start, i) is { } piece)
                SplitOnConjunctions(key, brackets, piece, splitOnSpace: !fromTableCell, pieces);
            start = i + 1;
        }
        return pieces;
    }

    /// <summary>
    /// Cuts <paramref name="piece"/> at each conjunction (or white space) that stands between two whole names:
    /// 市发展改革委和各县（市、区）政府 → 2, but 县发展和改革局 stays whole because 县发展 is not a name.
    /// </summary>
    private static void SplitOnConjunctions(string key, BracketMap brackets, Piece piece, bool splitOnSpace, List<Piece> into)
    {
        var cut = piece.Start;
        var end = piece.End;
        for (var i = piece.Start; i < end; i++)
        {
            if (brackets.OpensPair(i))
            {
                i = brackets.PartnerOf(i);
                continue;
            }
            int joinStart, joinEnd;
            var c = key[i];
            if (Conjunctions.Contains(c))
            {
                joinStart = c == '及' && i > cut && key[i - 1] == '以' ? i - 1 : i;
                joinEnd = i + 1;
            }
            else if (splitOnSpace && char.IsWhiteSpace(c))
            {
                joinStart = i;
                joinEnd = i + 1;
                while (joinEnd < end && char.IsWhiteSpace(key[joinEnd])) joinEnd++;
            }
            else continue;

            if (joinStart > cut && joinEnd < end
                && JoinsWholeName(key, brackets, cut, TrimEndOfSpace(key, cut, joinStart))
                && JoinsWholeName(key, brackets, SkipSpace(key, joinEnd, end), end)
                && Clean(key, brackets, cut, joinStart) is { } left)
            {
                into.Add(left);
                cut = joinEnd;
            }
            i = joinEnd - 1;
        }
        if (Clean(key, brackets, cut, end) is { } last) into.Add(last);
    }

    /// <summary>True when [start, end) is a whole name, ignoring a trailing 等 or bracketed alias.</summary>
    private static bool JoinsWholeName(string key, BracketMap brackets, int start, int end)
    {
        if (end > start && key[end - 1] == '等') end--;
        if (end > start && brackets.PartnerOf(end - 1) is var opener && opener > start && opener < end - 1) end = opener;
        return end > start && UnitShape.IsComplete(key.AsSpan(start, end - start));
    }

    /// <summary>
    /// <paramref name="start"/>..<paramref name="end"/> without surrounding white space and punctuation, list
    /// numbering, wrapping brackets, labels and a leading conjunction; null when nothing is left.
    /// </summary>
    public static Piece? Clean(string key, BracketMap brackets, int start, int end)
    {
        while (true)
        {
            while (start < end && IsDebris(key, brackets, start, start, end)) start++;
            while (end > start && IsDebris(key, brackets, end - 1, start, end)) end--;
            if (start >= end) return null;

            var rest = key.AsSpan(start, end - start);
            if (brackets.OpensPair(start))
            {
                var close = brackets.PartnerOf(start);
                if (close == end - 1)
                {
                    // （市教育局）: the whole piece wrapped in brackets.
                    start++;
                    end--;
                    continue;
                }
                if (IsNumbering(key.AsSpan(start + 1, close - start - 1)))
                {
                    // （1）市教育局, （一）…: list numbering.
                    start = close + 1;
                    continue;
                }
            }
            var digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
            if (digits > 0 && digits < rest.Length && rest[digits] is '.' or '．')
            {
                start += digits + 1;
                continue;
            }
            if (IsNumbering(rest)) return null;

            var label = LabelLength(rest);
            if (label < 0) return null;
            if (label > 0)
            {
                start += label;
                continue;
            }

            var conjunction = LeadingConjunctionLength(rest);
            if (conjunction > 0)
            {
                start += conjunction;
                continue;
            }
            return new Piece(start, end);
        }
    }

    /// <summary>The length of a label opening <paramref name="text"/>; -1 when the whole text is a label.</summary>
    private static int LabelLength(ReadOnlySpan<char> text)
    {
        foreach (var label in Labels)
            if (text.StartsWith(label))
                return label.Length == text.Length ? -1 : label.Length;
        foreach (var label in ShortLabels)
            if (text.SequenceEqual(label))
                return -1;
        return 0;
    }

    /// <summary>
    /// 以及 and 及 never open a name; 和 and 与 do (和县, 和平区), so they are dropped only before white space or a
    /// collective (…、和各县区).
    /// </summary>
    private static int LeadingConjunctionLength(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("以及")) return 2;
        if (text.Length < 2) return 0;
        if (text[0] == '及') return 1;
        if (text[0] is '和' or '与' && (char.IsWhiteSpace(text[1]) || UnitShape.StartsCollective(text[1..]))) return 1;
        return 0;
    }

    private static bool IsNumbering(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return false;
        foreach (var c in text)
            if (!Numerals.Contains(c))
                return false;
        return true;
    }

    /// <summary>
    /// Space, punctuation and symbols at a piece's edge are debris: the 。 of a sentence, a lost bracket half. A bracket
    /// whose partner lies inside the piece belongs to the name.
    /// </summary>
    private static bool IsDebris(string key, BracketMap brackets, int index, int start, int end)
    {
        var c = key[index];
        if (!(char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsControl(c))) return false;
        var partner = brackets.PartnerOf(index);
        return partner < start || partner >= end;
    }

    private static int TrimEndOfSpace(string key, int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(key[end - 1]) || char.IsPunctuation(key[end - 1]) && key[end - 1] != '）')) end--;
        return end;
    }

    private static int SkipSpace(string key, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(key[start])) start++;
        return start;
    }
}
