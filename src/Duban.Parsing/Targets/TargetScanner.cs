using System.Collections.Immutable;
using Duban.Parsing.Model;
using Duban.Parsing.Text;

namespace Duban.Parsing.Targets;

/// <summary>
/// One pass over a text: finds each quantity, then reads its subject, comparator, scope and year from the words around
/// it. Holds the state of one call (the year in force, the previous target of the sentence), so it is never shared.
/// </summary>
internal sealed class TargetScanner
{
    // How far back a clause is looked at. Plan clauses are short; the bound keeps the pass linear on text with no
    // punctuation at all.
    private const int ClauseWindow = 80;

    private readonly MappedText _text;
    private readonly string _s;
    private readonly List<Target> _targets = [];
    private int? _year;
    private PreviousTarget? _previous;
    private DistributionGroup? _group;

    public TargetScanner(MappedText text)
    {
        _text = text;
        _s = text.Value;
    }

    /// <summary>What the next target of the clause may inherit: 分别不少于500万元|和300万元.</summary>
    private sealed record PreviousTarget(int End, string Subject, string? Scope, bool PerYear, Comparator? Leading);

    /// <summary>Targets that share one 分别 clause, and the actors to hand out to them one by one.</summary>
    private sealed record DistributionGroup(int FirstIndex, int Count, ImmutableArray<string> Actors);

    public IReadOnlyList<Target> Run()
    {
        var i = 0;
        while (i < _s.Length)
        {
            var c = _s[i];
            if (CharClass.IsSentenceEnd(c))
            {
                EndSentence();
                i++;
            }
            else if (CharClass.IsDigit(c)) i = ReadFigure(i);
            else if (c is '职' or '普' && QuantityReader.TryReadBalancedRatio(_s, i) is { } balanced) i = Add(balanced);
            else i++;
        }
        EndSentence();
        return _targets;
    }

    // Reads the figure at i as a year, a quantity, or nothing; returns where scanning goes on.
    private int ReadFigure(int i)
    {
        var number = NumberReader.Read(_s, i);
        if (IsYear(number, out var yearEnd))
        {
            _year = (int)number.Value;
            return yearEnd;
        }
        if (QuantityReader.TryRead(_s, i) is { } quantity) return Add(quantity);
        return number.End;
    }

    // 2025年, 2023 年: a year sets the deadline of the targets after it in the sentence, and is never a target.
    private bool IsYear(ParsedNumber number, out int end)
    {
        end = number.End;
        if (!number.IsValid || number.HasFraction || number.IntegerDigits != 4 || number.Value is < 1949 or > 2100) return false;
        var j = CharClass.SkipBlanks(_s, number.End, _s.Length);
        if (j >= _s.Length || _s[j] != '年') return false;
        end = j + 1;
        // 2020年版 names an edition, not a deadline.
        return end >= _s.Length || _s[end] != '版';
    }

    /// <summary>Adds the target read around <paramref name="quantity"/>; returns where scanning goes on: after its phrase,
    /// so that a figure inside a counted name (10个“3+2”专业) is not read again.</summary>
    private int Add(Quantity quantity)
    {
        var clauseStart = ClauseStart(quantity.Start);
        var previous = _previous is { } p && p.End >= clauseStart && p.End <= quantity.Start ? p : null;
        var segmentStart = previous?.End ?? clauseStart;

        var before = SubjectReader.ReadBefore(_s, segmentStart, quantity.Start);
        var (subject, rawStart, rawEnd, inherited) = ChooseSubject(quantity, before, previous, segmentStart);
        rawStart = CharClass.SkipBlanks(_s, rawStart, rawEnd);
        rawEnd = CharClass.TrimBlanksEnd(_s, rawStart, rawEnd);
        var raw = _s[rawStart..rawEnd];
        if (string.IsNullOrEmpty(subject)) subject = raw;

        var leading = TargetLexicon.ComparatorOf(TargetLexicon.LeadingComparators, _s,
            TargetLexicon.LeadingComparatorWords.FindLastEnding(_s, segmentStart, quantity.Start));
        if (inherited) leading ??= previous!.Leading;
        var scope = FindScope(segmentStart, before.AreaEnd) ?? previous?.Scope;
        var perYear = quantity.PerYear || HasPerYearMarker(segmentStart, quantity.Start) || previous?.PerYear == true;

        if (!inherited) CloseGroup();
        _targets.Add(new Target
        {
            Subject = subject,
            Comparator = ComparatorOf(quantity, leading),
            Value = quantity.Value,
            ValueMax = quantity.ValueMax,
            Unit = quantity.Unit.Name,
            Ratio = quantity.Ratio,
            Year = _year,
            PerYear = perYear,
            Scope = scope,
            Raw = raw,
            Span = _text.ToSource(rawStart, rawEnd),
        });
        if (!inherited && before.Actors.Length > 0) _group = new DistributionGroup(_targets.Count - 1, 1, before.Actors);
        else if (inherited && _group is { } group) _group = group with { Count = group.Count + 1 };
        _previous = new PreviousTarget(rawEnd, subject, scope, perYear, leading);
        return Math.Max(rawEnd, quantity.End);
    }

    private readonly record struct SubjectChoice(string? Subject, int RawStart, int RawEnd, bool Inherited);

    // Which side names what the figure measures, and so where the phrase of the target starts and ends.
    private SubjectChoice ChooseSubject(Quantity quantity, SubjectBefore before, PreviousTarget? previous, int segmentStart)
    {
        var after = SubjectReader.ReadAfter(_s, quantity.End);
        var clauseStart = SubjectReader.SkipConnectors(_s, segmentStart, quantity.Start);
        // Counters name what they count after the unit; so does a share written X的20%Y (本级财政应承担的20%免学费补助资金).
        if ((quantity.Unit.CountsNounAfter || before.IsShareOf) && after is { } counted)
            return new SubjectChoice(SubjectReader.Clean(_s, counted.Start, counted.End), clauseStart, counted.End, false);
        if (!before.IsEmpty)
            return new SubjectChoice(SubjectReader.Clean(_s, before.Start, before.End), clauseStart, quantity.End, false);
        // 分别不少于500万元|和|300万元: a figure joined to the previous one measures the same thing.
        if (previous is not null && SubjectReader.IsOnlyConnectors(_s, segmentStart, quantity.Start))
            return new SubjectChoice(previous.Subject, quantity.Start, quantity.End, true);
        if (after is { } named)
            return new SubjectChoice(SubjectReader.Clean(_s, named.Start, named.End), clauseStart, named.End, false);
        return new SubjectChoice(null, clauseStart, quantity.End, false);
    }

    private Comparator ComparatorOf(Quantity quantity, Comparator? leading)
    {
        if (quantity.ValueMax is not null) return Comparator.Range;
        if (quantity.Trailing is { } trailing) return trailing;
        if (IsRightAfterApproximately(quantity.Start)) return Comparator.Approximately;
        if (leading is { } before) return before;
        return quantity.MoreThan ? Comparator.AtLeast : Comparator.Equal;
    }

    // 约5000人, 近300所: one-character words, only taken right before the figure (they start 约束, 近年 elsewhere).
    private bool IsRightAfterApproximately(int start)
    {
        var k = start - 1;
        while (k >= 0 && CharClass.IsBlank(_s[k])) k--;
        return k >= 0 && _s[k] is '约' or '近';
    }

    private int ClauseStart(int position)
    {
        var limit = Math.Max(0, position - ClauseWindow);
        for (var i = position - 1; i >= limit; i--)
            if (CharClass.IsClauseBreak(_s, i)) return i + 1;
        return limit;
    }

    private string? FindScope(int start, int end)
    {
        var match = TargetLexicon.Scopes.FindLastEnding(_s, start, end);
        return match.Found ? _s.Substring(match.Index, match.Length) : null;
    }

    private bool HasPerYearMarker(int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var match = TargetLexicon.PerYearMarkers.FindFirst(_s, i, end);
            if (!match.Found) return false;
            if (_s[match.Index] != '年' || !CharClass.DigitBefore(_s, match.Index)) return true;
            i = match.Index + 1;
        }
        return false;
    }

    private void EndSentence()
    {
        CloseGroup();
        _year = null;
        _previous = null;
    }

    // 市财政和各县（区）政府…分别不少于500万元和300万元: hand the actors out when there is one per figure.
    private void CloseGroup()
    {
        if (_group is { Count: > 1 } group && group.Count == group.Actors.Length)
            for (var k = 0; k < group.Count; k++)
                _targets[group.FirstIndex + k] = _targets[group.FirstIndex + k] with { Scope = group.Actors[k] };
        _group = null;
    }
}
