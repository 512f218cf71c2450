namespace Duban.Core.Cascade;

/// <summary>A task as the coverage scorer reads it: its text and the names of its units.</summary>
public sealed record ScoredTask(long Id, string Text, IReadOnlyList<string> Units);

/// <summary>A proposed pair: the lower task carries the upper task, with the score that proposed it.</summary>
public sealed record CoverageProposal(long UpperTaskId, long LowerTaskId, decimal Score);

/// <summary>
/// Whether a subordinate plan's task carries an upper task, by the overlap of their character bigrams (Dice
/// coefficient): county plans restate the city's tasks in their own words but keep the terms (产教联合体, 双师型,
/// 中高职贯通). Region names and the usual plan words are left out so that two tasks do not match on 县 and 推进.
/// Pure and deterministic: the same texts give the same score and the same proposals.
/// </summary>
public static class CoverageScorer
{
    /// <summary>From this score a pair is proposed.</summary>
    public const decimal Threshold = 0.20m;

    private const decimal TextWeight = 0.85m, UnitWeight = 0.15m;

    /// <summary>Words every task uses; bigrams inside them say nothing about the subject.</summary>
    private static readonly string[] Filler =
    [
        "推进", "加强", "完善", "建立", "健全", "实施", "开展", "全面", "进一步", "积极", "深入", "落实", "工作", "建设", "提升", "推动",
        "责任单位", "牵头单位", "配合单位", "完成时限", "年底前", "月底前", "长期坚持", "持续推进", "各县", "人民政府", "全市", "全县", "我市", "我县",
    ];

    public static decimal Score(ScoredTask upper, ScoredTask lower)
    {
        var text = Dice(Bigrams(upper.Text), Bigrams(lower.Text));
        var units = Dice(Bigrams(UnitCore(upper.Units)), Bigrams(UnitCore(lower.Units)));
        return Math.Round(TextWeight * text + UnitWeight * units, 3, MidpointRounding.AwayFromZero);
    }

    /// <summary>Dice similarity of two bigram multisets' distinct members, 0–1.</summary>
    public static decimal Similarity(string a, string b) => Math.Round(Dice(Bigrams(a), Bigrams(b)), 3, MidpointRounding.AwayFromZero);

    /// <summary>
    /// For every lower task, the upper tasks it carries: every pair at or above <see cref="Threshold"/>, at most the two
    /// best per lower task (a county task bundling two city tasks), ordered by upper task then score.
    /// </summary>
    public static IReadOnlyList<CoverageProposal> Propose(IReadOnlyList<ScoredTask> upper, IReadOnlyList<ScoredTask> lower)
    {
        var proposals = new List<CoverageProposal>();
        foreach (var l in lower)
        {
            proposals.AddRange(upper.Select(u => new CoverageProposal(u.Id, l.Id, Score(u, l)))
                .Where(p => p.Score >= Threshold)
                .OrderByDescending(p => p.Score).ThenBy(p => p.UpperTaskId)
                .Take(2));
        }
        return [.. proposals.OrderBy(p => p.UpperTaskId).ThenByDescending(p => p.Score).ThenBy(p => p.LowerTaskId)];
    }

    public static HashSet<string> Bigrams(string text)
    {
        var cleaned = Clean(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            for (var i = 0; i + 1 < run.Length; i++) set.Add(run.Substring(i, 2));
        return set;
    }

    private static string UnitCore(IReadOnlyList<string> units) =>
        string.Join(' ', units.Select(u => u.Replace("市", "").Replace("县", "").Replace("区", "")));

    /// <summary>Letters and digits only, in runs; filler words and parenthesised clauses (责任单位…) cut the runs.</summary>
    private static string Clean(string text)
    {
        var t = text;
        foreach (var word in Filler) t = t.Replace(word, " ", StringComparison.Ordinal);
        var chars = t.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return new string(chars);
    }

    private static decimal Dice(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0m;
        var common = a.Count(b.Contains);
        return 2m * common / (a.Count + b.Count);
    }
}

/// <summary>
/// Which targets add up across plans: counts and amounts (培训人次, 所, 个, 万元) do, so a province's 培训人次 is the sum
/// of its cities'; rates and ratios (%, 生均, 元/生) do not. A lower target rolls up into an upper one of the same unit
/// whose subject reads alike.
/// </summary>
public static class TargetRollup
{
    public const decimal SubjectThreshold = 0.4m;

    public static bool IsAdditive(string unit) =>
        unit.Length > 0 && !unit.Contains('%') && !unit.Contains('％') && !unit.Contains('/') && !unit.Contains('比') && !unit.Contains('率') && unit != "倍";

    public static bool SameSubject(string upperSubject, string upperUnit, string lowerSubject, string lowerUnit) =>
        upperUnit == lowerUnit && IsAdditive(upperUnit)
        && (upperSubject == lowerSubject || CoverageScorer.Similarity(upperSubject, lowerSubject) >= SubjectThreshold);
}
