using System.Collections.Immutable;

namespace Duban.Parsing.Targets;

/// <summary>The subject read before a figure, [<see cref="Start"/>, <see cref="End"/>) of the text.</summary>
/// <param name="AreaEnd">Where the subject's part of the clause ends (at 达到, 不低于…): scopes are looked for before it.</param>
/// <param name="Actors">
/// For 市财政和各县（区）政府每年安排…分别不少于500万元和300万元: the actors (市财政, 各县（区）政府), one per figure.
/// </param>
/// <param name="IsShareOf">The subject was written as X的 right before the figure (本级财政应承担的|20%): the figure is a share of X.</param>
internal readonly record struct SubjectBefore(int Start, int End, int AreaEnd, ImmutableArray<string> Actors, bool IsShareOf)
{
    public bool IsEmpty => End <= Start;
}

/// <summary>Finds what a figure measures: the phrase before it (就业率达到95%) or the noun after it (建设10个流动站).</summary>
internal static class SubjectReader
{
    // A noun after a figure rarely runs longer; past this it is more likely the rest of the sentence.
    private const int MaxNounAfter = 30;

    /// <summary>The subject in [<paramref name="start"/>, <paramref name="end"/>), the clause before a figure.</summary>
    public static SubjectBefore ReadBefore(string s, int start, int end)
    {
        end = CharClass.TrimBlanksEnd(s, start, end);
        var a = SkipLeading(s, start, end, verbs: false);
        var b = end;

        var link = TargetLexicon.SubjectEnds.FindFirst(s, a, b);
        // 保持高中阶段职普比例|大体相当: a link that opens the clause is its verb, not the end of the subject; so is one
        // after a bare preposition (按|不低于|投资额30%的比例).
        var afterPreposition = false;
        while (link.Found && (link.Index == a || TargetLexicon.Prepositions.MatchAt(s, a, link.Index) == link.Index - a))
        {
            afterPreposition |= link.Index > a;
            a = SkipLeading(s, link.End, b, verbs: false);
            link = TargetLexicon.SubjectEnds.FindFirst(s, a, b);
        }
        var hasLink = link.Found;
        var distributes = false;
        if (hasLink)
        {
            b = link.Index;
            distributes = s.AsSpan(link.Index).StartsWith("分别", StringComparison.Ordinal);
        }
        else if (TargetLexicon.LinksRightBeforeFigure.MatchEndingAt(s, a, b) is > 0 and var linkLength)
        {
            b -= linkLength;
            hasLink = true;
        }
        var areaEnd = b;
        b = TrimTrailingAdverbs(s, a, b);

        // 继续教育和职业技能培训|年培训5万人次: what is trained, not the training.
        var yearVerb = TargetLexicon.YearVerbs.FindFirst(s, a + 1, b);
        // Not after a digit (2025年培训) nor in a word for the year itself (全年培训学徒300人: 全年 is when, not what).
        if (yearVerb.Found && !CharClass.DigitBefore(s, yearVerb.Index) && !TargetLexicon.YearWordOpenings.Contains(s[yearVerb.Index - 1]))
            b = yearVerb.Index;

        // 市财政|每年安排|职业教育专项经费: the money is the subject, the payer an actor. A splitter that opens the
        // subject (安排|职业教育专项经费) has no actor before it and is simply dropped.
        var actors = ImmutableArray<string>.Empty;
        var split = TargetLexicon.ActorSplitters.FindFirst(s, a, b);
        var objectStart = split.Found ? SkipLeading(s, split.Index, b, verbs: true) : b;
        if (objectStart < b)
        {
            if (distributes) actors = SplitActors(s, a, split.Index);
            a = objectStart;
        }
        else if (!hasLink || SkipLeading(s, a, b, verbs: true) >= b)
            // Without a link the verb opens a clause whose object is counted (培养|学生800人); with one, a clause of
            // nothing but verbs (每年安排|不少于1000万元) has no subject before the figure.
            a = SkipLeading(s, a, b, verbs: true);

        b = CharClass.TrimBlanksEnd(s, a, b);
        // 建设实训基地（10个）: the bracket belongs to the figure.
        while (b > a && s[b - 1] is '（' or '(' or '《' or '“') b = CharClass.TrimBlanksEnd(s, a, b - 1);
        // X的N%: after 按 the share is of its base (企业按照职工工资总额的1.5—2.5%: 职工工资总额; 按投资额的30%抵免…:
        // 投资额); without 按 the noun after the figure is what the share is of (本级财政应承担的20%免学费补助资金:
        // 免学费补助资金), see SubjectBefore.IsShareOf.
        var isShareOf = false;
        if (b > a && s[b - 1] == '的')
        {
            var preposition = TargetLexicon.Prepositions.FindLastEnding(s, start, b - 1);
            if (preposition.Found && preposition.End > a) a = preposition.End;
            isShareOf = !preposition.Found && !afterPreposition;
            b = CharClass.TrimBlanksEnd(s, a, b - 1);
        }
        a = CharClass.SkipBlanks(s, a, b);
        return new SubjectBefore(a, b, areaEnd, actors, isShareOf);
    }

    /// <summary>The noun a counter counts, after the quantity ending at <paramref name="start"/>: 10个|全省优质专业. Null when none.</summary>
    public static (int Start, int End)? ReadAfter(string s, int start)
    {
        var j = CharClass.SkipBlanks(s, start, s.Length);
        if (j < s.Length && s[j] == '的') j = CharClass.SkipBlanks(s, j + 1, s.Length);
        if (j >= s.Length || !(CharClass.IsHan(s[j]) || s[j] is '“' or '"')) return null;
        if (TargetLexicon.NotNounOpenings.MatchAt(s, j, s.Length) > 0) return null;

        var limit = Math.Min(s.Length, j + MaxNounAfter);
        var k = j;
        while (k < limit)
        {
            // A short quoted name is part of the noun even with a figure in it: 4个“3+4”本科专业.
            if (s[k] is '“' or '"' && QuotedNameEnd(s, k, limit) is > 0 and var closed) k = closed;
            else if (EndsNoun(s, k)) break;
            else k++;
        }
        var end = CharClass.TrimBlanksEnd(s, j, k);
        // 建设10个实训基地等: 等 closes a list, it is not part of the noun (unlike 中等).
        if (end > j && s[end - 1] is '的' or '等') end--;
        return end > j ? (j, end) : null;
    }

    /// <summary>Whether [<paramref name="start"/>, <paramref name="end"/>) holds only words that join figures (和, 、, 分别, 不少于).</summary>
    public static bool IsOnlyConnectors(string s, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            if (CharClass.IsBlank(s[i])) { i++; continue; }
            var length = Math.Max(TargetLexicon.Connectors.MatchAt(s, i, end), TargetLexicon.LeadingComparatorWords.MatchAt(s, i, end));
            if (length == 0) length = s.AsSpan(i, end - i).StartsWith("达到", StringComparison.Ordinal) ? 2 : 0;
            if (length == 0) return false;
            i += length;
        }
        return true;
    }

    /// <summary>The start of the phrase a target is read from: the clause less blanks and joining words.</summary>
    public static int SkipConnectors(string s, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            if (CharClass.IsBlank(s[i]) || s[i] is '…' or '、' or '.' or '·') { i++; continue; }
            var length = SectionMarkLength(s, i, end);
            if (length == 0 && s[i] != '分') length = TargetLexicon.Connectors.MatchAt(s, i, end);
            if (length == 0) break;
            i += length;
        }
        return i;
    }

    /// <summary>The subject as reported: without quotation marks (“双师型”教师 → 双师型教师) and blanks.</summary>
    public static string Clean(string s, int start, int end)
    {
        var chars = new System.Text.StringBuilder(end - start);
        for (var i = start; i < end; i++)
            if (!CharClass.IsQuote(s[i])) chars.Append(s[i]);
        return chars.ToString().Trim();
    }

    // The index after the quotation mark closing the one at open, when it closes soon and on the same clause; else 0.
    private static int QuotedNameEnd(string s, int open, int limit)
    {
        for (var i = open + 1; i < limit && i <= open + 10; i++)
        {
            if (s[i] is '”' or '"') return i + 1;
            if (CharClass.IsClauseBreak(s, i)) return 0;
        }
        return 0;
    }

    private static bool EndsNoun(string s, int k)
    {
        var c = s[k];
        if (CharClass.IsClauseBreak(s, k) || CharClass.IsDigit(c)) return true;
        if (c is '、' or '（' or '(' or '）' or ')' or '并' or '《' or '》' or '〈' or '〉') return true;
        if (TargetLexicon.NounEnds.MatchAt(s, k, s.Length) > 0) return true;
        // 4—5所全省优质中等职业学校|和10个…: the next figure starts another target.
        if (c is '和' or '及' or '与' or '或')
        {
            var next = CharClass.SkipBlanks(s, k + 1, s.Length);
            return next < s.Length && CharClass.IsDigit(s[next]);
        }
        return false;
    }

    // Strips year phrases (到2025年), fillers (力争, 其中), scopes (全市) and, when asked, verbs (建成, 培养) from the start.
    private static int SkipLeading(string s, int a, int end, bool verbs)
    {
        while (a < end)
        {
            var length = SectionMarkLength(s, a, end);
            if (length == 0 && (CharClass.IsBlank(s[a]) || s[a] is '…' or '、' or '.' or '·' or '．' or '（' or '(' or '）' or ')'))
                length = 1;
            if (length == 0) length = YearPhraseLength(s, a, end);
            if (length == 0) length = TargetLexicon.FillerLengthAt(s, a, end);
            if (length == 0) length = TargetLexicon.Scopes.MatchAt(s, a, end);
            if (length == 0 && verbs) length = TargetLexicon.LeadingVerbs.MatchAt(s, a, end);
            if (length == 0) return a;
            a += length;
        }
        return a;
    }

    private static int TrimTrailingAdverbs(string s, int a, int b)
    {
        while (true)
        {
            b = CharClass.TrimBlanksEnd(s, a, b);
            var length = TargetLexicon.TrailingAdverbs.MatchEndingAt(s, a, b);
            if (length == 0 || b - length <= a) return b;
            b -= length;
        }
    }

    // （一） (3) 1. 2、 一是 第一，: the numbering of an item, at a.
    private static int SectionMarkLength(string s, int a, int end)
    {
        var j = a;
        var bracketed = s[j] is '（' or '(';
        if (bracketed) j++;
        var numeralStart = j;
        while (j < end && (CharClass.IsDigit(s[j]) || IsChineseNumeral(s[j]))) j++;
        if (j == numeralStart || j >= end) return 0;
        if (bracketed) return s[j] is '）' or ')' ? j + 1 - a : 0;
        if (s[j] is '、' or '.' or '．') return j + 1 - a;
        // 一是 but not 5是: digits before 是 are a figure.
        return s[j] == '是' && IsChineseNumeral(s[numeralStart]) ? j + 1 - a : 0;
    }

    private static bool IsChineseNumeral(char c) => "一二三四五六七八九十".Contains(c);

    // 到2025年, 截至 2023 年底, 2021—2025年, 2022年前: the length of such a phrase at a, or 0.
    private static int YearPhraseLength(string s, int a, int end)
    {
        var j = CharClass.SkipBlanks(s, a + TargetLexicon.YearPrefixes.MatchAt(s, a, end), end);
        var digits = 0;
        while (j < end && CharClass.IsDigit(s[j])) { j++; digits++; }
        if (digits != 4) return 0;
        var k = CharClass.SkipBlanks(s, j, end);
        if (k < end && CharClass.IsRangeDash(s[k]))
        {
            while (k < end && CharClass.IsRangeDash(s[k])) k++;
            k = CharClass.SkipBlanks(s, k, end);
            while (k < end && CharClass.IsDigit(s[k])) k++;
            k = CharClass.SkipBlanks(s, k, end);
        }
        if (k >= end || s[k] != '年') return 0;
        k++;
        return k + TargetLexicon.YearSuffixes.MatchAt(s, k, end) - a;
    }

    private static ImmutableArray<string> SplitActors(string s, int start, int end)
    {
        var actors = ImmutableArray.CreateBuilder<string>();
        var partStart = start;
        for (var i = start; i <= end; i++)
        {
            var isSeparator = i < end && (s[i] is '和' or '、' or '及' or '与');
            if (i < end && !isSeparator) continue;
            var part = Clean(s, partStart, i);
            if (part.Length > 0) actors.Add(part);
            partStart = i + 1;
        }
        return actors.ToImmutable();
    }
}
