using System.Globalization;

namespace Duban.Core.Assessments;

/// <summary>
/// The parameters of one indicator's scoring rule (评分细则). One flat record for every kind: a kind reads only its
/// own parameters, and a parameter left out takes the kind's default (<see cref="For"/>). Kept flat so that a scheme
/// reads the same in the stored JSON, the API and the editor's form.
/// </summary>
/// <param name="CooperatingWeight">任务完成: how much a cooperating assignment weighs beside a lead one (1); 0 leaves cooperating work out.</param>
/// <param name="LateCredit">任务完成: the credit of a task completed after its deadline; 按时报送: of a report submitted after its window.</param>
/// <param name="OngoingMissingCredit">任务完成: the credit of an ongoing task whose last closed period has no report (长期推进·缺报).</param>
/// <param name="OnTrackCredit">目标达成: the credit of a target not met yet whose trend reaches it in time (正常).</param>
/// <param name="LaggingFactor">目标达成: a lagging target (滞后) earns its attainment rate (at most 1) times this.</param>
/// <param name="NoDataCredit">目标达成: the credit of a target without any value (无数据).</param>
/// <param name="Keywords">目标达成: only targets whose subject contains one of these words (经费, 拨款…); empty: every target.</param>
/// <param name="ExcludeKeywords">目标达成: take the targets <em>without</em> those words instead (the other targets of a scheme that scores funding apart).</param>
/// <param name="ReplyShare">督办响应: the share of an order's credit earned by answering it (the rest by its being closed, 办结).</param>
/// <param name="LateReplyCredit">督办响应: the reply part's credit when the answer came after the reply date.</param>
/// <param name="SummonsPoints">扣分项: points deducted for each 约谈.</param>
/// <param name="BulletinPoints">扣分项: points deducted for each 通报.</param>
/// <param name="ItemMax">加分项: the most one item may add.</param>
public sealed record ScoringRule(
    decimal? CooperatingWeight = null,
    decimal? LateCredit = null,
    decimal? OngoingMissingCredit = null,
    decimal? OnTrackCredit = null,
    decimal? LaggingFactor = null,
    decimal? NoDataCredit = null,
    IReadOnlyList<string>? Keywords = null,
    bool? ExcludeKeywords = null,
    decimal? ReplyShare = null,
    decimal? LateReplyCredit = null,
    decimal? SummonsPoints = null,
    decimal? BulletinPoints = null,
    decimal? ItemMax = null)
{
    public static ScoringRule None { get; } = new();

    /// <summary>
    /// The rule with every parameter of the kind set (a given value kept, a missing one defaulted) and the parameters
    /// of other kinds cleared, so that a stored scheme says exactly what was applied.
    /// </summary>
    public ScoringRule For(IndicatorKind kind, decimal maxPoints) => kind switch
    {
        IndicatorKind.TaskCompletion => new(CooperatingWeight: CooperatingWeight ?? 0m, LateCredit: LateCredit ?? 0.6m, OngoingMissingCredit: OngoingMissingCredit ?? 0.5m),
        IndicatorKind.ReportTimeliness => new(LateCredit: LateCredit ?? 0.5m),
        IndicatorKind.ReportQuality => None,
        IndicatorKind.TargetAttainment => new(OnTrackCredit: OnTrackCredit ?? 1m, LaggingFactor: LaggingFactor ?? 0.5m, NoDataCredit: NoDataCredit ?? 0m,
            Keywords: (Keywords ?? []).Where(k => k is not null).Select(k => k.Trim()).Where(k => k.Length > 0).Distinct().ToList(), ExcludeKeywords: ExcludeKeywords ?? false),
        IndicatorKind.OrderResponse => new(ReplyShare: ReplyShare ?? 0.6m, LateReplyCredit: LateReplyCredit ?? 0.5m),
        IndicatorKind.Deduction => new(SummonsPoints: SummonsPoints ?? 2m, BulletinPoints: BulletinPoints ?? 3m),
        IndicatorKind.Bonus => new(ItemMax: ItemMax ?? maxPoints),
        IndicatorKind.Manual => None,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The rule as one sentence of a 评分细则, for the scheme page and the score card.</summary>
    public string Describe(IndicatorKind kind, decimal maxPoints)
    {
        var r = For(kind, maxPoints);
        var max = Points.Text(maxPoints);
        return kind switch
        {
            IndicatorKind.TaskCompletion =>
                $"本单位牵头的任务（截至考核日）按时完成计 1，逾期完成计 {Share(r.LateCredit)}，长期推进且按期报送计 1、缺报计 {Share(r.OngoingMissingCredit)}，逾期未完成计 0；"
                + (r.CooperatingWeight > 0 ? $"配合任务按权重 {Share(r.CooperatingWeight)} 计入；" : "配合任务不计入；")
                + $"未到期、待摸底和上年度已完成的任务不计入。得分 = {max} × 加权完成率。",
            IndicatorKind.ReportTimeliness =>
                $"考核年度内本单位牵头任务每个已截止的填报周期：按时报送计 1，逾期报送计 {Share(r.LateCredit)}，缺报计 0。得分 = {max} × 按时报送率。",
            IndicatorKind.ReportQuality =>
                $"考核年度内提交并已审核的进展报告中，未被退回过的比例。得分 = {max} × 一次通过率。",
            IndicatorKind.TargetAttainment =>
                (r.Keywords!.Count == 0 ? "本单位填报的量化指标" : $"名称{(r.ExcludeKeywords == true ? "不含" : "含")}“{string.Join("”“", r.Keywords)}”的量化指标")
                + $"，按达成规则（区分方向）截至考核日：已达成计 1，正常计 {Share(r.OnTrackCredit)}，滞后计 达成度（不超过 1）× {Share(r.LaggingFactor)}，无数据计 {Share(r.NoDataCredit)}。得分 = {max} × 平均得分率。",
            IndicatorKind.OrderResponse =>
                $"考核年度内下发给本单位的督办单：按期回复得 {Share(r.ReplyShare)}（逾期回复得其 {Share(r.LateReplyCredit)}），已办结得 {Share(1 - r.ReplyShare!.Value)}；未到回复期限且未回复的不计入。得分 = {max} × 平均得分率。",
            IndicatorKind.Deduction =>
                $"考核年度内每次约谈扣 {Points.Text(r.SummonsPoints!.Value)} 分，每次通报扣 {Points.Text(r.BulletinPoints!.Value)} 分，最多扣 {max} 分。",
            IndicatorKind.Bonus =>
                $"录入的加分事项（附佐证），每项至多 {Points.Text(r.ItemMax!.Value)} 分，合计至多 {max} 分。",
            IndicatorKind.Manual =>
                $"督查员或管理员录入的评分（0 至 {max} 分，附说明和佐证），以最近一次录入为准；未录入计 0 分。",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static string Share(decimal? value) => (value ?? 0).ToString("0.##", CultureInfo.InvariantCulture);
}
