using Duban.Core.Assessments;

namespace Duban.Core.Bulletins;

/// <summary>What a 通报 is drawn from: the assessment, its stored standings and each organisation's explained score.</summary>
/// <param name="Scores">The computed scores of the run the standings come from (the published one from 公示 on), by organisation.</param>
/// <param name="PublishedOn">The day of 公示, when it has happened.</param>
public sealed record BulletinFacts(
    int Year,
    string SchemeName,
    string RegionName,
    string? PlanTitle,
    DateOnly AsOf,
    DateOnly? PublishedOn,
    IReadOnlyList<Standing> Standings,
    IReadOnlyList<IndicatorDefinition> Indicators,
    AchievementSelection Selection,
    IReadOnlyDictionary<long, OrganizationScore> Scores,
    string Office,
    DateOnly Date);

/// <summary>
/// The first draft of a 通报, in the words offices use: prefilled from the stored result (nothing is computed again),
/// then edited by the office. 表扬: the organisations graded 优秀 and those of the 成效明显县、校 selection; 通报批评:
/// those graded 不合格 and those with 约谈 or 通报 deductions — each with its reason from the explanation items.
/// </summary>
public static class BulletinPrefill
{
    /// <summary>How many of the indicators that lost most a 不合格 reason names.</summary>
    private const int LostIndicatorsNamed = 3;

    public static BulletinDraft Draft(BulletinFacts f)
    {
        var topic = Topic(f.SchemeName, f.RegionName);
        var basis = $"《{f.SchemeName.Trim()}》" + (f.PlanTitle is { Length: > 0 } plan ? $"和《{plan.Trim()}》" : "");
        var published = f.PublishedOn is { } on ? $"，于{Date(on)}进行了公示" : "";
        var paragraphs = new List<string>
        {
            $"为推动职业教育改革各项任务落实落地，根据{basis}，{f.Office}组织开展了{f.Year}年度{f.RegionName}{topic}工作。"
            + $"考核以督办平台记录的截至{Date(f.AsOf)}的重点任务完成、进展按时报送、量化目标达成、督办事项办理、约谈通报等情况为依据，"
            + $"按评分细则逐项计分，经被考核单位自评、考核办公室复核{published}。现将结果通报如下。",
        };
        var closing = new List<string>
        {
            "受到表扬的单位要珍惜荣誉，总结经验，再接再厉，充分发挥示范带动作用。",
            "受到通报批评的单位要深刻反思，对照督导报告列出的问题逐项制定整改措施，明确责任人和完成时限，于30日内将整改情况书面报送考核办公室。",
            "各单位要以此次考核为契机，进一步压实工作责任，确保职业教育改革各项任务按期保质完成。考核结果将作为评先评优、安排教育项目和拨付教育专项资金的重要依据。",
        };
        return new BulletinDraft(
            $"关于{f.Year}年度{f.RegionName}{topic}结果的通报",
            $"　〔{f.Date.Year}〕　号",
            Recipients(f.Standings),
            paragraphs, Praise(f), Criticism(f), closing, f.Office, f.Date);
    }

    /// <summary>清河市职业教育工作督导评估方案 of 清河市 → 职业教育工作督导评估.</summary>
    public static string Topic(string schemeName, string regionName)
    {
        var topic = schemeName.Trim();
        if (topic.StartsWith(regionName, StringComparison.Ordinal)) topic = topic[regionName.Length..];
        foreach (var tail in new[] { "实施方案", "评分细则", "考核方案", "方案", "细则" })
            if (topic.EndsWith(tail, StringComparison.Ordinal))
            {
                topic = topic[..^tail.Length];
                // 考核方案 leaves the word 考核 that the title needs.
                if (tail == "考核方案") topic += "考核";
                break;
            }
        return topic.Length == 0 ? "督导评估" : topic;
    }

    /// <summary>The assessed organisations by name; many of them are addressed together.</summary>
    public static string Recipients(IReadOnlyList<Standing> standings) =>
        standings.Count is > 0 and <= 8
            ? string.Join("，", standings.OrderBy(s => s.OrganizationId).Select(s => s.Name))
            : "各被考核单位";

    private static IReadOnlyList<BulletinMention> Praise(BulletinFacts f)
    {
        var selected = f.Selection.Select(f.Standings).Select(s => s.OrganizationId).ToHashSet();
        return [.. f.Standings.Where(s => s.Grade == Grade.Excellent || selected.Contains(s.OrganizationId)).Select(s =>
        {
            var reasons = new List<string>();
            reasons.Add(s.Grade == Grade.Excellent
                ? $"总分 {Points.Text(s.Total)} 分，等次优秀，列第 {s.Rank} 名"
                : f.Selection.Reason(s));
            if (selected.Contains(s.OrganizationId)) reasons.Add("入选成效明显县、校");
            if (f.Scores.TryGetValue(s.OrganizationId, out var score))
                reasons.AddRange(score.Indicators.Where(i => i.Kind == IndicatorKind.Bonus && Final(s, i.Code) > 0)
                    .SelectMany(i => i.Items.Where(x => x.Fact == FactKind.Entry && x.Counted && x.Points > 0))
                    .Select(x => $"获加分：{x.Label}"));
            return new BulletinMention(s.OrganizationId, s.Name, string.Join("；", reasons));
        })];
    }

    private static IReadOnlyList<BulletinMention> Criticism(BulletinFacts f)
    {
        var names = f.Indicators.ToDictionary(i => i.Code, i => i.Name);
        var mentions = new List<BulletinMention>();
        foreach (var s in f.Standings)
        {
            var reasons = new List<string>();
            if (s.Grade == Grade.Fail)
            {
                var lost = f.Indicators.Where(i => i.Kind.IsBase())
                    .Select(i => (Indicator: i, Lost: i.MaxPoints - Final(s, i.Code)))
                    .Where(x => x.Lost > 0).OrderByDescending(x => x.Lost).ThenBy(x => x.Indicator.Code, StringComparer.Ordinal)
                    .Take(LostIndicatorsNamed)
                    .Select(x => $"{x.Indicator.Name}得 {Points.Text(Final(s, x.Indicator.Code))} 分（满分 {Points.Text(x.Indicator.MaxPoints)} 分）");
                var text = $"总分 {Points.Text(s.Total)} 分，等次不合格";
                var list = string.Join("、", lost);
                reasons.Add(list.Length > 0 ? $"{text}，失分主要在{list}" : text);
            }
            // A deduction the office reviewed away (final 0) is no longer a reason.
            if (f.Scores.TryGetValue(s.OrganizationId, out var score))
                foreach (var deduction in score.Indicators.Where(i => i.Kind == IndicatorKind.Deduction && Final(s, i.Code) < 0))
                    reasons.AddRange(deduction.Items.Where(x => x.Fact == FactKind.Flag && x.Counted && x.Points < 0)
                        .Select(x => $"{names.GetValueOrDefault(deduction.Code, deduction.Name)}：{x.Label}，{x.Detail}"));
            if (reasons.Count > 0) mentions.Add(new BulletinMention(s.OrganizationId, s.Name, string.Join("；", reasons)));
        }
        return mentions;
    }

    private static decimal Final(Standing s, string code) => s.Indicators.FirstOrDefault(i => i.Code == code)?.Final ?? 0m;

    private static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
