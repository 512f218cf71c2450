namespace Duban.Core.Assessments;

/// <summary>The indicators scored from what people enter for the assessment: 加分项 items and 人工评分 (现场督导).</summary>
internal static class EntryScoring
{
    /// <summary>Every bonus item counts, each at most <see cref="ScoringRule.ItemMax"/>, the sum at most the 分值.</summary>
    public static (IReadOnlyList<ExplanationItem>, string) Bonus(decimal max, ScoringRule rule, IEnumerable<EntryFact> entries)
    {
        var itemMax = rule.ItemMax!.Value;
        var items = entries.OrderBy(e => e.EntryId).Select(e =>
        {
            var points = Math.Clamp(e.Points, 0m, itemMax);
            var capped = points != e.Points ? $"，超过每项上限，按 {Points.Text(points)} 分计" : "";
            return new ExplanationItem(FactKind.Entry, e.EntryId, null, e.Comment.Length > 60 ? e.Comment[..60] + "…" : e.Comment,
                $"{e.AuthorName} {TaskScoring.ChineseDate(e.On)} 录入 {Points.Text(e.Points)} 分{capped}{Evidence(e)}", points, EvidenceId: e.EvidenceId);
        }).ToList();
        if (items.Count == 0)
            return ([new ExplanationItem(FactKind.Note, null, null, "无加分事项", "没有录入加分事项。", 0m)], "无加分事项，0 分");
        var sum = items.Sum(i => i.Points);
        var arithmetic = string.Join(" + ", items.Select(i => Points.Text(i.Points)));
        if (sum > max)
        {
            items.Add(new ExplanationItem(FactKind.Note, null, null, "加分上限", $"合计 {Points.Text(sum)} 分，超过上限 {Points.Text(max)} 分，超出部分不计", max - sum));
            return (items, $"{arithmetic} = {Points.Text(sum)}，以上限计 {Points.Text(max)} 分");
        }
        return (items, $"{arithmetic} = {Points.Text(sum)} 分");
    }

    /// <summary>The latest entry is the score (kept within 0 and the 分值); earlier ones are listed as replaced.</summary>
    public static (IReadOnlyList<ExplanationItem>, string) Manual(decimal max, IEnumerable<EntryFact> entries)
    {
        var ordered = entries.OrderBy(e => e.EntryId).ToList();
        if (ordered.Count == 0)
            return ([new ExplanationItem(FactKind.Note, null, null, "尚未评分", "督查员或管理员尚未录入评分，计 0 分。", 0m)], "尚未评分，0 分");
        var items = new List<ExplanationItem>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            var last = i == ordered.Count - 1;
            var points = Math.Clamp(e.Points, 0m, max);
            var capped = points != e.Points ? $"，超出分值范围，按 {Points.Text(points)} 分计" : "";
            items.Add(new ExplanationItem(FactKind.Entry, e.EntryId, null, $"{e.AuthorName}的评分（{TaskScoring.ChineseDate(e.On)}）",
                $"{Points.Text(e.Points)} 分{capped}：{e.Comment}{Evidence(e)}{(last ? "" : "（已被后来的评分取代）")}", last ? points : 0m, last, e.EvidenceId));
        }
        return (items, $"以最近一次评分为准：{Points.Text(items[^1].Points)} 分");
    }

    private static string Evidence(EntryFact e) => e.EvidenceName is { } name ? $"；佐证：{name}" : "";
}
