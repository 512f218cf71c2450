using System.Globalization;
using System.Text.Json.Nodes;
using Duban.Core.Notifications;
using Duban.Core.Tracking.Reporting;
using Duban.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tracking;

/// <summary>
/// Closes the loop of a review: the organisation's reporters are told that their report was returned (with the
/// reviewer's comment, which says what to change) or approved, with a link to the report's form for its period, and a
/// webhook event of kind <see cref="NotificationKinds.Review"/> is queued. Keyed by the review, so each review tells
/// each reporter once. Runs inside the review's transaction.
/// </summary>
internal sealed class ReviewNotices(DubanDbContext db, NotificationCenter center, WebhookOutbox outbox)
{
    public async Task SendAsync(ProgressReport report, Review review, DateTimeOffset at, CancellationToken ct)
    {
        var about = await db.Assignments.AsNoTracking().Where(a => a.Id == report.AssignmentId)
            .Select(a => new { a.OrganizationId, Organization = a.Organization!.Name, a.TaskId, a.Task!.No, a.Task.PlanId }).SingleAsync(ct);
        var reviewer = await db.Users.AsNoTracking().Where(u => u.Id == review.ReviewerId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? review.ReviewerName;
        var period = report.Period!.Span;
        var returned = review.Decision == ReviewDecision.Returned;
        var title = returned
            ? $"进展被退回：任务 {about.No} {period.Label}"
            : $"进展已通过审核：任务 {about.No} {period.Label}";
        var body = returned
            ? $"{reviewer}退回了{about.Organization}报送的任务 {about.No} {period.Label}进展。退回意见：{Sentence(review.Comment)}请按意见修改后重新提交。"
            : $"{reviewer}审核通过了{about.Organization}报送的任务 {about.No} {period.Label}进展{(string.IsNullOrEmpty(review.Comment) ? "。" : $"。审核意见：{Sentence(review.Comment)}")}";
        if (body.Length > 2000) body = body[..1999] + "…";
        var link = $"tasks/{about.TaskId}/report?period={period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var key = "review:" + review.Id.ToString(CultureInfo.InvariantCulture);
        await center.NotifyOrganizationAsync(about.OrganizationId, new NotificationMessage(NotificationKinds.Review, title, body, link, key), at, ct);
        await outbox.EnqueueAsync(new WebhookEvent(key, NotificationKinds.Review, at, title, body, link, new JsonObject
        {
            ["reportId"] = report.Id, ["taskId"] = about.TaskId, ["planId"] = about.PlanId, ["organizationId"] = about.OrganizationId,
            ["organization"] = about.Organization, ["period"] = period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["decision"] = returned ? "returned" : "approved",
        }), ct);
    }

    /// <summary>
    /// The reviewer's comment as a sentence of the notice: a full stop after it, unless the reviewer ended it with one
    /// (reviewers mostly do: "请补充。" read "请补充。。").
    /// </summary>
    internal static string Sentence(string? comment)
    {
        var text = (comment ?? "").Trim();
        return text.Length == 0 || "。！？；…!?.;".Contains(text[^1]) ? text : text + "。";
    }
}
