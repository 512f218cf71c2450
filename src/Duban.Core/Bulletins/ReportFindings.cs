using Duban.Core.Assessments;

namespace Duban.Core.Bulletins;

/// <summary>An indicator that lost points, with the facts that lost them and what the organisation is required to do.</summary>
public sealed record Problem(string Indicator, decimal Lost, IReadOnlyList<ExplanationItem> Facts, string Requirement);

/// <summary>What a 督导报告 says beyond the numbers: 主要成效 (full marks, bonus items) and 存在问题 with 整改要求.</summary>
public sealed record Findings(IReadOnlyList<string> Strengths, IReadOnlyList<Problem> Problems);

/// <summary>
/// Derives a 督导报告's strengths and problems from an organisation's explained scores and final points (after 复核):
/// a base indicator at full points is a strength, one below it a problem whose facts are the items that gave less than
/// the indicator's best item (or nothing, or a deduction); a bonus item is a strength, a deduction a problem.
/// Reads only what was stored; computes nothing again.
/// </summary>
public static class ReportFindings
{
    public static Findings Of(IReadOnlyList<IndicatorScore> scores, Func<string, decimal> final)
    {
        var strengths = new List<string>();
        var problems = new List<Problem>();
        foreach (var s in scores)
        {
            var points = final(s.Code);
            var counted = s.Items.Where(i => i.Counted && i.Fact != FactKind.Note).ToList();
            switch (s.Kind)
            {
                case IndicatorKind.Bonus:
                    strengths.AddRange(counted.Where(i => i.Points > 0).Select(i => $"{s.Name}：{i.Label}（加 {Points.Text(i.Points)} 分）"));
                    break;
                case IndicatorKind.Deduction:
                    if (points < 0) problems.Add(new Problem(s.Name, -points, [.. counted.Where(i => i.Points < 0)], Requirement(s.Kind)));
                    break;
                default:
                    if (points >= s.MaxPoints) strengths.Add($"{s.Name}得满分（{Points.Text(s.MaxPoints)} 分）");
                    else
                    {
                        var best = counted.Count == 0 ? 0m : counted.Max(i => i.Points);
                        var facts = counted.Where(i => i.Points <= 0 || i.Points < best).ToList();
                        problems.Add(new Problem(s.Name, s.MaxPoints - points, facts, Requirement(s.Kind)));
                    }
                    break;
            }
        }
        return new Findings(strengths, [.. problems.OrderByDescending(p => p.Lost)]);
    }

    /// <summary>整改要求 by the kind of indicator that lost points.</summary>
    public static string Requirement(IndicatorKind kind) => kind switch
    {
        IndicatorKind.TaskCompletion => "对逾期未完成的任务逐项分析原因，制定整改措施，明确新的完成时限和责任人，按期完成并报送完成情况。",
        IndicatorKind.ReportTimeliness => "健全进展报送工作机制，明确专人负责，在每个报送周期截止前按时报送进展情况，补报缺报周期的进展。",
        IndicatorKind.ReportQuality => "提高进展报告质量，如实反映工作进展、佐证材料齐全，减少被退回重报。",
        IndicatorKind.TargetAttainment => "对滞后或未填报数据的量化目标加大工作力度，按期填报数据，确保目标按时达成；经费类目标要足额落实投入。",
        IndicatorKind.OrderResponse => "对督办事项在回复期限内回复整改措施，并抓好整改落实，尽快办结。",
        IndicatorKind.Deduction => "针对约谈、通报指出的问题认真整改，举一反三，防止同类问题再次发生。",
        IndicatorKind.Manual => "针对现场督导发现的问题逐项整改，完善工作台账和佐证材料。",
        _ => "针对失分事项认真整改。",
    };
}
