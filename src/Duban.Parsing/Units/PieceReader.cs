namespace Duban.Parsing.Units;

/// <summary>A unit being read: where it is written, its name so far, and the tail it lends to bare neighbours.</summary>
/// <param name="SharedTail">部门 of 教育、财政等部门: the tail bare short forms before this one take.</param>
internal sealed record UnitDraft(Piece Span, UnitName Name, UnitName? SharedTail);

/// <summary>
/// Reads one piece into a <see cref="UnitDraft"/>: drops a trailing 等 (市残联等), an alias or note in brackets after
/// a whole name (市农业局（市畜牧局）, 市教育局（牵头）), and normalises the name.
/// </summary>
internal static class PieceReader
{
    // What may follow 等 at the end of a piece, longest first: "and other (related) departments/units".
    private static readonly string[] EtceteraTails =
    [
        "相关部门", "有关部门", "其他部门", "相关单位", "有关单位", "其他单位", "相关机构", "有关机构", "部门", "单位", "机构", "",
    ];

    // A bracket holding one of these is a note on the unit's role, not part of its name.
    private static readonly string[] RoleNotes = ["牵头", "配合", "负责", "协办", "协助", "参与", "按职责", "分工"];

    // Role words written after a name in running text (市教育局牵头，市财政局配合), longest first.
    private static readonly string[] RoleWords =
    [
        "按职责分工负责", "按职责分工", "按职责负责", "分工负责", "分别负责", "共同负责", "牵头负责", "配合落实",
        "牵头", "配合", "负责", "参与", "协助", "协办", "落实",
    ];

    public static UnitDraft? Read(string text, string key, BracketMap brackets, Piece piece)
    {
        var (start, end) = (piece.Start, piece.End);
        end = DropRoleWords(key, brackets, start, end);
        var nameEnd = end;
        UnitName? tail = null;

        if (EtceteraAt(key, start, end) is (int etc, int tailLength))
        {
            var headEnd = TrimEnd(key, brackets, start, etc);
            var head = key.AsSpan(start, headEnd - start);
            var tailEndsInDepartment = key.AsSpan(end - tailLength, tailLength).EndsWith("部门");
            if (headEnd == start)
            {
                // 等相关部门 on its own: what is left is the tail.
                start = end - tailLength;
            }
            else if (tailEndsInDepartment && UnitShape.IsBare(head))
            {
                // 扶贫等部门 → 扶贫部门, and 部门 is lent to the bare forms before it.
                nameEnd = headEnd;
                tail = UnitName.Read(text, end - 2, end);
            }
            else
            {
                // 市残联等, 市民政局等单位: "and others" adds nothing to the unit.
                nameEnd = end = headEnd;
            }
        }

        var (spanEnd, aliasFrom) = (end, nameEnd);
        (nameEnd, var notesFrom) = DropAlias(key, brackets, start, nameEnd);
        // A role note (市教育局（牵头单位）) is not part of what names the unit: the span stops before it. An alias stays in.
        if (aliasFrom == end && notesFrom < end) spanEnd = notesFrom;
        var name = UnitName.Read(text, start, nameEnd);
        if (tail is { } t) name += t;
        if (!HasLetters(name.Key)) return null;

        var sharedTail = tail;
        if (sharedTail is null && name.Key.EndsWith("部门", StringComparison.Ordinal) && UnitShape.IsBare(name.Key.AsSpan(0, name.Length - 2)))
            sharedTail = name.Slice(name.Length - 2);
        return new UnitDraft(new Piece(start, spanEnd), name, sharedTail);
    }

    /// <summary>Where a closing 等 stands and how long the tail after it is; null when the piece has none.</summary>
    private static (int Etc, int TailLength)? EtceteraAt(string key, int start, int end)
    {
        var piece = key.AsSpan(start, end - start);
        foreach (var tail in EtceteraTails)
        {
            if (piece.Length <= tail.Length || !piece.EndsWith(tail) || piece[piece.Length - tail.Length - 1] != '等') continue;
            return (end - tail.Length - 1, tail.Length);
        }
        return null;
    }

    /// <summary>
    /// The end of the name once trailing bracketed aliases or role notes are dropped. A bracket is kept when what
    /// precedes it is not yet a whole name (各县（区）, 县（市、区）政府).
    /// </summary>
    /// <returns>The end of the name, and where the trailing role notes begin (the end given when the last bracket
    /// is no role note).</returns>
    private static (int End, int NoteStart) DropAlias(string key, BracketMap brackets, int start, int end)
    {
        var noteStart = end;
        while (end > start && key[end - 1] == '）')
        {
            var opener = brackets.PartnerOf(end - 1);
            if (opener <= start) break;
            var headEnd = TrimEnd(key, brackets, start, opener);
            var head = key.AsSpan(start, headEnd - start);
            var note = key.AsSpan(opener + 1, end - opener - 2);
            var headIsName = UnitShape.EndingLength(head) is > 0 and var ending && head.Length > ending;
            var isRoleNote = IsRoleNote(note);
            if (!headIsName || !(UnitShape.IsComplete(note) || isRoleNote)) break;
            // Only notes from the end on, with no alias after them, are left out of the span.
            if (isRoleNote && noteStart == end) noteStart = headEnd;
            end = headEnd;
        }
        return (end, noteStart);
    }

    /// <summary>The end of the piece once role words after a whole name are dropped: 市教育局牵头 → 市教育局.</summary>
    private static int DropRoleWords(string key, BracketMap brackets, int start, int end)
    {
        var piece = key.AsSpan(start, end - start);
        foreach (var word in RoleWords)
        {
            if (!piece.EndsWith(word)) continue;
            var headEnd = TrimEnd(key, brackets, start, end - word.Length);
            return UnitShape.IsComplete(key.AsSpan(start, headEnd - start)) ? headEnd : end;
        }
        return end;
    }

    private static bool IsRoleNote(ReadOnlySpan<char> note)
    {
        foreach (var word in RoleNotes)
            if (note.Contains(word, StringComparison.Ordinal))
                return true;
        return false;
    }

    private static int TrimEnd(string key, BracketMap brackets, int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(key[end - 1]) || char.IsPunctuation(key[end - 1]) && brackets.PartnerOf(end - 1) < start)) end--;
        return end;
    }

    /// <summary>A name needs at least one ideograph or Latin letter: a piece of digits or symbols is debris.</summary>
    private static bool HasLetters(string key)
    {
        foreach (var c in key)
            if (ChineseFolding.IsIdeograph(c) || char.IsAsciiLetter(c))
                return true;
        return false;
    }
}
