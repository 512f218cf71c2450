namespace Duban.Core.Assessments;

/// <summary>扣分项: each 约谈 and 通报 of the year deducts its points; the deduction stops at the indicator's 分值.</summary>
internal static class FlagScoring
{
    public static (IReadOnlyList<ExplanationItem>, string) Deduction(decimal max, ScoringRule rule, IReadOnlyList<FlagFact> flags)
    {
        var items = flags.OrderBy(f => f.EventId).Select(f =>
        {
            var (label, points) = f.Kind == FlagKind.Summons ? ("约谈", rule.SummonsPoints!.Value) : ("通报", rule.BulletinPoints!.Value);
            return new ExplanationItem(FactKind.Flag, f.EventId, f.Task.TaskId, $"{label}（{f.Task.Label}）",
                $"{TaskScoring.ChineseDate(f.On)}：{f.Summary.TrimEnd('。', '.', ' ')}，扣 {Points.Text(points)} 分", -points);
        }).ToList();
        if (items.Count == 0)
            return ([new ExplanationItem(FactKind.Note, null, null, "无扣分事项", "考核年度内没有约谈、通报。", 0m)], "无扣分事项，0 分");
        var sum = items.Sum(i => i.Points);
        var arithmetic = string.Join(" ", items.Select(i => Points.Text(i.Points)));
        if (sum < -max)
        {
            items.Add(new ExplanationItem(FactKind.Note, null, null, "扣分上限", $"合计扣 {Points.Text(-sum)} 分，超过上限 {Points.Text(max)} 分，超出部分不计", -max - sum));
            return (items, $"{arithmetic} = {Points.Text(sum)}，以上限计 −{Points.Text(max)} 分");
        }
        return (items, $"{arithmetic} = {Points.Text(sum)} 分");
    }
}
