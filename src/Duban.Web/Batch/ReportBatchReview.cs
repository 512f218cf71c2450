using Duban.Core.Tracking.Reporting;
using Duban.Data;
using Duban.Data.Tracking;
using Duban.Web.Plans;
using Duban.Web.Security;
using Duban.Web.Components.Pages.Tracking;
using Duban.Web.Tracking;

namespace Duban.Web.Batch;

/// <summary>
/// 批量通过 / 退回 on the review queue. Each report is asked the same questions as a single review on the page or the
/// API — does the reviewer see it, does it answer for the report's organisation (<see cref="ActingRights.ForReportAsync"/>),
/// is it still the version confirmed — and is reviewed by <see cref="ProgressReporting.ReviewAsync"/>, audited and
/// notified like any other review, in its own transaction. One refusal stops nothing else.
/// </summary>
public sealed class ReportBatchReview(DubanDbContext db, TrackingQueries tracking, PlanQueries plans, ActingRights rights, ProgressReporting reporting)
{
    /// <summary>The reports as the confirmation shows them, with the version read now and why any would be refused.</summary>
    public async Task<IReadOnlyList<BatchCandidate>> CandidatesAsync(DubanUser user, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var candidates = new List<BatchCandidate>();
        foreach (var id in ids)
        {
            var detail = await tracking.GetReportAsync(user, id, ct);
            if (detail is null)
            {
                candidates.Add(new(id, $"报告 {id}", "", "", null, BatchRules.NotFound));
                continue;
            }
            var report = detail.Report;
            var task = await plans.GetTaskAsync(user, report.TaskId, ct);
            string? refusal = !await rights.ForReportAsync(user, id, ct) ? ActingRights.NotResponsible
                : report.Status != ReportStatus.Submitted ? $"该报告{StatusName(report.Status)}，不在待审核状态。"
                : null;
            candidates.Add(new(id, $"{report.OrganizationName} {report.PeriodLabel()}", $"{report.TaskNo} {PlanText.Shorten(task?.Text ?? "", 60)}",
                StatusName(report.Status), report.Version, refusal));
        }
        return candidates;
    }

    /// <summary>Reviews each report at the version confirmed; the result of each, in the order given.</summary>
    public async Task<IReadOnlyList<BatchItemResult>> ReviewAsync(DubanUser user, TrackingActor actor, IReadOnlyList<(long Id, Guid Version)> items, ReviewInput input,
        CancellationToken ct)
    {
        var results = new List<BatchItemResult>();
        var done = input.Decision == ReviewDecision.Returned ? "已退回" : "已通过";
        foreach (var (id, version) in items)
        {
            var detail = await tracking.GetReportAsync(user, id, ct);
            var label = detail is null ? $"报告 {id}" : $"{detail.Report.OrganizationName} {detail.Report.PeriodLabel()}";
            if (detail is null) results.Add(new(id, label, false, BatchRules.NotFound));
            else if (!await rights.ForReportAsync(user, id, ct)) results.Add(new(id, label, false, ActingRights.NotResponsible));
            else
            {
                var outcome = await reporting.ReviewAsync(actor, id, version, input, ct);
                results.Add(outcome.Error is { } error
                    ? new(id, label, false, error.Kind == TrackingErrorKind.Stale ? "确认之后该报告已被修改或审核，未处理；请查看最新内容后再审核。" : error.Message)
                    : new(id, label, true, done));
            }
            // A refused save leaves its changes tracked; the next report's save must not carry them.
            db.ChangeTracker.Clear();
        }
        return results;
    }

    public static string StatusName(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "尚未提交",
        ReportStatus.Submitted => "待审核",
        ReportStatus.Returned => "已退回",
        ReportStatus.Approved => "已通过",
        _ => status.ToString(),
    };
}
