using Duban.Core.Cascade;
using Duban.Core.Notifications;
using Duban.Core.Security;
using Duban.Core.Tracking.Escalation;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Status;
using Duban.Core.Tracking.Supervision;
using Duban.Data.Audit;
using Duban.Data.Notifications;
using Duban.Data.Supervision;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Cascade;

/// <summary>An administrator's 督办单 on a late filing: why, and the reply date (default: today + OrderReplyDays).</summary>
public sealed record NewFilingOrder(string? Reason, DateOnly? ReplyBy);

/// <summary>
/// 督办单 on late 备案 (docs/cascade.md, "Late filings"): issued by the filing job after FilingOrderDaysLate days, or by
/// an administrator of the upper plan (the caller checks that). Either way one open order per filing, numbered,
/// audited, notified to the organisation's reporters and the administrators over it, and queued as a webhook event —
/// as a task's order is. The order is then replied to, returned and closed on /supervision like any other.
/// </summary>
public sealed class FilingOrders(DubanDbContext db, TimeProvider clock, AuditLog audit, NotificationCenter center, WebhookOutbox outbox, EscalationOptions options)
{
    /// <summary>The escalation job's key: one automatic order per filing, ever.</summary>
    public static string AutomaticKey(long filingId) => $"filing-order:{filingId}";

    public int DefaultReplyDays => options.OrderReplyDays;

    public async Task<TrackingOutcome<SupervisionOrder>> IssueAsync(TrackingActor actor, long filingId, NewFilingOrder input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以下发督办单。");
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return TrackingErrors.Invalid("reason", "reason（督办事由）不能为空。");
        if (reason.Length > SupervisionOrder.MaxReasonLength) return TrackingErrors.Invalid("reason", $"reason（督办事由）不能超过 {SupervisionOrder.MaxReasonLength} 个字符。");
        var today = TrackingDay.Today(clock);
        var replyBy = input.ReplyBy ?? today.AddDays(options.OrderReplyDays);
        if (replyBy < today) return TrackingErrors.Invalid("replyBy", "replyBy（回复期限）不能早于今天。");
        if (replyBy > PlausibleDates.Latest(today)) return TrackingErrors.Invalid("replyBy", $"replyBy（回复期限）不能晚于 {PlausibleDates.Text(PlausibleDates.Latest(today))}。");
        var subject = await SubjectAsync(filingId, ct);
        if (subject is null) return TrackingErrors.NotFound("未找到该备案。");
        if (subject.Filing.State is not (FilingState.Pending or FilingState.Returned))
            return TrackingErrors.Conflict($"{subject.Organization}已报备（{subject.Filing.State.Label()}），不能再就此下发督办单。");
        if (subject.Due is not { } due || due >= today)
            return TrackingErrors.Conflict(subject.Due is { } d ? $"该备案尚未逾期（报备期限 {Day(d)}），不能下发督办单。" : "该备案没有报备期限，不会逾期，不能下发督办单。");
        if (await OpenOrderAsync(filingId, ct) is { } open)
            return TrackingErrors.Conflict($"{subject.Organization}就该备案已有未办结的督办单（{open}），请在原督办单上跟进。");
        var order = await IssueCoreAsync(subject, new Actor(actor.UserId, actor.UserName, actor.RemoteAddress), actor.UserId, actor.UserName, reason, replyBy,
            OrderOrigin.Manual, "manual-order:" + Guid.NewGuid().ToString("N"), ct);
        return TrackingOutcome<SupervisionOrder>.Ok(order);
    }

    /// <summary>
    /// The job's order on a filing still missing FilingOrderDaysLate days after its due date; null when one was issued
    /// before (its key) or an order on the filing is open (the office issued one by hand).
    /// </summary>
    public async Task<SupervisionOrder?> IssueAutomaticAsync(long filingId, DateTimeOffset at, CancellationToken ct = default)
    {
        var key = AutomaticKey(filingId);
        if (await db.Set<SupervisionOrder>().AnyAsync(o => o.IdempotencyKey == key || (o.FilingId == filingId && o.Status != OrderStatus.Closed), ct)) return null;
        var subject = await SubjectAsync(filingId, ct);
        if (subject?.Due is not { } due) return null;
        var today = EscalationFactsReader.ChinaDay(at);
        var reason = $"《{subject.PlanTitle}》要求于{Day(due)}前报{subject.Office ?? "上级"}备案的{subject.Kind.Label()}实施方案，{subject.Organization}逾期 {today.DayNumber - due.DayNumber} 天仍未报备，请说明原因并报送整改措施。";
        return await IssueCoreAsync(subject, Actor.System, null, EscalationRecorder.SystemActor, reason, today.AddDays(options.OrderReplyDays), OrderOrigin.Automatic, key, ct, at);
    }

    private sealed record Subject(Filing Filing, FilingKind Kind, DateOnly? Due, string? Office, long PlanId, string PlanTitle, string Organization, long RegionId);

    private Task<Subject?> SubjectAsync(long filingId, CancellationToken ct) =>
        (from f in db.Set<Filing>().AsNoTracking()
         join r in db.Set<FilingRequirement>() on f.RequirementId equals r.Id
         join p in db.Plans on r.PlanId equals p.Id
         join o in db.Organizations on f.OrganizationId equals o.Id
         where f.Id == filingId
         select new Subject(f, r.Kind, r.Due, r.Office, p.Id, p.Title, o.Name, o.RegionId)).SingleOrDefaultAsync(ct);

    private Task<string?> OpenOrderAsync(long filingId, CancellationToken ct) =>
        db.Set<SupervisionOrder>().AsNoTracking().Where(o => o.FilingId == filingId && o.Status != OrderStatus.Closed).Select(o => o.Number).FirstOrDefaultAsync(ct);

    private async Task<SupervisionOrder> IssueCoreAsync(Subject subject, Actor auditActor, long? issuedById, string issuedByName, string reason, DateOnly replyBy,
        OrderOrigin origin, string key, CancellationToken ct, DateTimeOffset? when = null)
    {
        var at = when ?? clock.GetUtcNow();
        var order = new SupervisionOrder
        {
            Number = "~" + Guid.NewGuid().ToString("N"), FilingId = subject.Filing.Id, OrganizationId = subject.Filing.OrganizationId,
            Reason = reason, IssuedAt = at, IssuedById = issuedById, IssuedByName = issuedByName, ReplyBy = replyBy, Origin = origin, IdempotencyKey = key,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(order);
        await db.SaveChangesAsync(ct);
        order.Number = SupervisionOrder.NumberFor(EscalationFactsReader.ChinaDay(at).Year, order.Id);
        audit.Add(auditActor, SupervisionAuditActions.OrderIssue, SupervisionAuditActions.OrderEntity, order.Id, null, OrderSnapshot.Of(order));
        await db.SaveChangesAsync(ct);
        var what = CascadeLabels.OrderSubject(subject.PlanTitle, subject.Kind);
        var title = $"督办单（{order.Number}）：{what}，请于{Day(replyBy)}前回复整改措施";
        var message = new NotificationMessage(NotificationKinds.SupervisionOrder, title, reason, $"supervision/{order.Id}", key);
        await center.NotifyOrganizationAsync(order.OrganizationId, message, at, ct);
        await center.NotifyRegionAdminsAsync(subject.RegionId, message with { IdempotencyKey = key + ":region" }, at, ct);
        await outbox.EnqueueAsync(new WebhookEvent(key, NotificationKinds.SupervisionOrder, at, title, reason, message.Link,
            new System.Text.Json.Nodes.JsonObject { ["filingId"] = subject.Filing.Id, ["planId"] = subject.PlanId, ["organizationId"] = order.OrganizationId, ["orderId"] = order.Id }), ct);
        await tx.CommitAsync(ct);
        return order;
    }

    private static string Day(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
