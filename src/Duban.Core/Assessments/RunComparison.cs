namespace Duban.Core.Assessments;

/// <summary>
/// One difference between two computations of an assessment: an organisation's total (<see cref="IndicatorCode"/>
/// null) or one of its indicators. Before is null for an organisation or indicator the earlier run did not have, after
/// for one the later run no longer has.
/// </summary>
public sealed record ScoreChange(long OrganizationId, string Organization, string? IndicatorCode, string? Indicator, decimal? Before, decimal? After)
{
    public decimal? Difference => Before is { } b && After is { } a ? a - b : null;
}

/// <summary>What moved between two computations, so that a recomputation shows its differences rather than only new numbers.</summary>
public static class RunComparison
{
    /// <summary>Every total and indicator whose points differ, by organisation id, totals first; empty when nothing moved.</summary>
    public static IReadOnlyList<ScoreChange> Compare(ScoreSheet before, ScoreSheet after)
    {
        var changes = new List<ScoreChange>();
        var ids = before.Organizations.Select(o => o.OrganizationId).Union(after.Organizations.Select(o => o.OrganizationId)).Order();
        foreach (var id in ids)
        {
            var old = before.Of(id);
            var now = after.Of(id);
            var name = now?.Name ?? old!.Name;
            if (old?.Total != now?.Total) changes.Add(new(id, name, null, null, old?.Total, now?.Total));
            var codes = (old?.Indicators.Select(i => i.Code) ?? []).Union(now?.Indicators.Select(i => i.Code) ?? []);
            foreach (var code in codes)
            {
                var o = old?.Indicator(code);
                var n = now?.Indicator(code);
                if (o?.Points != n?.Points) changes.Add(new(id, name, code, n?.Name ?? o!.Name, o?.Points, n?.Points));
            }
        }
        return changes;
    }
}
