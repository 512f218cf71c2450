namespace Duban.Core.Assessments;

/// <summary>The office's reviewed points (复核) for one indicator of one organisation: the latest review stands.</summary>
/// <param name="ReviewId">Orders the reviews: the latest (highest) of an indicator stands.</param>
public sealed record ReviewedPoints(long ReviewId, long OrganizationId, string IndicatorCode, decimal Points);

/// <summary>An organisation's result in the previous year's published assessment of the same scheme.</summary>
public sealed record PreviousResult(long OrganizationId, decimal Total, int Rank);

/// <summary>One indicator of a standing: computed, reviewed when the office adjusted it, and the points that count.</summary>
public sealed record StandingIndicator(string Code, decimal Computed, decimal? Reviewed, decimal Final);

/// <summary>
/// An organisation's place in an assessment: its computed total, its total after 复核, its rank among the assessed,
/// its grade, and the change from last year when there is a published result to compare with.
/// </summary>
public sealed record Standing(
    long OrganizationId,
    string Name,
    decimal ComputedTotal,
    decimal Total,
    int Rank,
    Grade Grade,
    decimal? PreviousTotal,
    int? PreviousRank,
    IReadOnlyList<StandingIndicator> Indicators)
{
    /// <summary>同比: this year's total minus last year's.</summary>
    public decimal? Change => PreviousTotal is { } previous ? Total - previous : null;

    public string GradeLabel => Grade.Label();
}

/// <summary>One indicator's computed points, without how they came about.</summary>
public sealed record IndicatorPoints(string Code, decimal Points);

/// <summary>
/// What ranking needs of an organisation's computed score: its name, total and each indicator's points, not the
/// explanations. Kept beside each stored result, so that one score card or the ranking reads a few bytes per
/// organisation instead of every organisation's explanations.
/// </summary>
public sealed record ScoredPoints(long OrganizationId, string Name, decimal Total, IReadOnlyList<IndicatorPoints> Indicators)
{
    public static ScoredPoints Of(OrganizationScore score) =>
        new(score.OrganizationId, score.Name, score.Total, [.. score.Indicators.Select(i => new IndicatorPoints(i.Code, i.Points))]);
}

/// <summary>Totals, ranks and grades from a score sheet and the office's reviews.</summary>
public static class Standings
{
    /// <summary>
    /// Each organisation's final points per indicator (the review where there is one, else the computed points), its
    /// total, grade and rank. Equal totals share a rank and the next rank is skipped (1, 1, 3), as published rankings
    /// do; the order among equals is by organisation id, so that it never depends on input order (nor on a
    /// collation the server may lack).
    /// </summary>
    public static IReadOnlyList<Standing> Rank(ScoreSheet sheet, IReadOnlyList<ReviewedPoints> reviews, GradeBands grades, IReadOnlyList<PreviousResult> previous) =>
        Rank([.. sheet.Organizations.Select(ScoredPoints.Of)], reviews, grades, previous);

    /// <inheritdoc cref="Rank(ScoreSheet, IReadOnlyList{ReviewedPoints}, GradeBands, IReadOnlyList{PreviousResult})"/>
    public static IReadOnlyList<Standing> Rank(IReadOnlyList<ScoredPoints> scores, IReadOnlyList<ReviewedPoints> reviews, GradeBands grades, IReadOnlyList<PreviousResult> previous)
    {
        var reviewed = reviews.GroupBy(r => (r.OrganizationId, r.IndicatorCode)).ToDictionary(g => g.Key, g => g.MaxBy(r => r.ReviewId)!.Points);
        var last = previous.ToDictionary(p => p.OrganizationId);
        var rows = scores.Select(o =>
        {
            var indicators = o.Indicators.Select(i =>
            {
                decimal? r = reviewed.TryGetValue((o.OrganizationId, i.Code), out var points) ? points : null;
                return new StandingIndicator(i.Code, i.Points, r, r ?? i.Points);
            }).ToList();
            return (Score: o, Indicators: indicators, Total: Points.Round(indicators.Sum(i => i.Final)));
        }).ToList();
        return rows
            .Select(r => new Standing(r.Score.OrganizationId, r.Score.Name, r.Score.Total, r.Total, 1 + rows.Count(other => other.Total > r.Total),
                grades.Of(r.Total), last.TryGetValue(r.Score.OrganizationId, out var p) ? p.Total : null, last.TryGetValue(r.Score.OrganizationId, out var q) ? q.Rank : null,
                r.Indicators))
            .OrderBy(s => s.Rank).ThenBy(s => s.OrganizationId)
            .ToList();
    }
}
