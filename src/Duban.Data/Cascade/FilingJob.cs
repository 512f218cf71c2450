using Duban.Core.Cascade;
using Duban.Core.Jobs;
using Duban.Core.Notifications;
using Duban.Core.Tracking.Escalation;
using Duban.Data.Audit;
using Duban.Data.Notifications;
using Duban.Data.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Cascade;

/// <summary>What one run of the filing job did: reminders sent, late filings chased, 督办单 issued.</summary>
public sealed record FilingRun(int Reminded, int Chased, int Ordered);

/// <summary>
/// The daily run over filings not made (未报备, or 已退回 and not made again), escalated like a task (docs/cascade.md,
/// "Late filings"): a 提醒 from ReminderDaysBeforeDeadline days before the due date; once the date passed, one 催办 to
/// the filing organisation's reporters and the administrators over it, with a notice to the upper plan's office (the
/// filing marked <see cref="Filing.EscalatedAt"/>); and FilingOrderDaysLate days after it, a 督办单 on the filing.
/// Idempotent: the notifications' keys, the mark and the order's key make a second run do nothing.
/// </summary>
public sealed class FilingJob(DubanDbContext db, NotificationCenter center, AuditLog audit, FilingOrders orders, EscalationOptions options) : IScheduledJob
{
    public const string JobName = "filing-escalation";

    public string Name => JobName;

    public async Task RunAsync(JobRun run, CancellationToken cancellationToken) => await EscalateAsync(run.StartedAt, cancellationToken);

    private sealed record Awaited(Filing Filing, FilingKind Kind, DateOnly Due, string? Office, long PlanId, string Title, long? PlanRegion, string Organization, long RegionId)
    {
        public string What => Kind.Label();

        public string Link => $"plans/{PlanId}/cascade";
    }

    public async Task<FilingRun> EscalateAsync(DateTimeOffset at, CancellationToken ct = default)
    {
        var today = EscalationFactsReader.ChinaDay(at);
        var remindFrom = today.AddDays(options.ReminderDaysBeforeDeadline);
        var awaited = await (from f in db.Set<Filing>()
                             join r in db.Set<FilingRequirement>() on f.RequirementId equals r.Id
                             join p in db.Plans on r.PlanId equals p.Id
                             join o in db.Organizations on f.OrganizationId equals o.Id
                             where (f.State == FilingState.Pending || f.State == FilingState.Returned) && r.Due != null && r.Due <= remindFrom
                             select new Awaited(f, r.Kind, r.Due!.Value, r.Office, p.Id, p.Title, p.RegionId, o.Name, o.RegionId))
            .ToListAsync(ct);
        var reminded = 0;
        foreach (var item in awaited.Where(a => a.Due >= today)) reminded += await RemindAsync(item, at, ct) ? 1 : 0;
        var late = awaited.Where(a => a.Due < today && a.Filing.EscalatedAt == null).ToList();
        foreach (var item in late) await ChaseAsync(item, at, ct);
        await db.SaveChangesAsync(ct);
        var ordered = 0;
        foreach (var item in awaited.Where(a => today.DayNumber - a.Due.DayNumber >= options.FilingOrderDaysLate))
            ordered += await orders.IssueAutomaticAsync(item.Filing.Id, at, ct) is null ? 0 : 1;
        return new FilingRun(reminded, late.Count, ordered);
    }

    /// <summary>The 提醒, once per filing (its key); true when it went out now.</summary>
    private async Task<bool> RemindAsync(Awaited item, DateTimeOffset at, CancellationToken ct)
    {
        var key = $"filing-reminder:{item.Filing.Id}";
        var day = Day(item.Due);
        var sent = await center.NotifyOrganizationAsync(item.Filing.OrganizationId, new NotificationMessage(NotificationKinds.Reminder, $"提醒：{item.What}实施方案将于{day}到期报备",
            $"《{item.Title}》要求于{day}前报{item.Office ?? "上级"}备案的{item.What}实施方案，{item.Organization}尚未报备，请按期报备。", item.Link, key), at, ct);
        sent += await center.NotifyRegionAdminsAsync(item.RegionId, new NotificationMessage(NotificationKinds.Reminder, $"提醒：{item.Organization}{item.What}实施方案将于{day}到期报备",
            $"《{item.Title}》要求的{item.What}实施方案应于{day}前备案，{item.Organization}尚未报备。", item.Link, key + ":region"), at, ct);
        // Nobody to tell yet (no reporter, no administrator): nothing recorded, so a later run tells whoever is there then.
        if (sent == 0) return false;
        audit.Add(Actor.System, CascadeAuditActions.FilingRemind, CascadeAuditActions.FilingEntity, item.Filing.Id, null,
            new { item.Filing.State, item.Filing.OrganizationId, Due = item.Due });
        return true;
    }

    private async Task ChaseAsync(Awaited item, DateTimeOffset at, CancellationToken ct)
    {
        var day = Day(item.Due);
        var key = $"filing-late:{item.Filing.Id}";
        await center.NotifyOrganizationAsync(item.Filing.OrganizationId, new NotificationMessage(NotificationKinds.Chase, $"催办：{item.What}实施方案逾期未备案",
            $"《{item.Title}》要求于{day}前报{item.Office ?? "上级"}备案的{item.What}实施方案，{item.Organization}尚未报备，请尽快报备。", item.Link, key), at, ct);
        await center.NotifyRegionAdminsAsync(item.RegionId, new NotificationMessage(NotificationKinds.Chase, $"催办：{item.Organization}{item.What}实施方案逾期未备案",
            $"《{item.Title}》要求的{item.What}实施方案应于{day}前备案，{item.Organization}尚未报备。", item.Link, key + ":region"), at, ct);
        if (item.PlanRegion is { } upperRegion && upperRegion != item.RegionId)
            await center.NotifyRegionAdminsAsync(upperRegion, new NotificationMessage(NotificationKinds.Chase, $"{item.Organization}{item.What}实施方案逾期未备案",
                $"《{item.Title}》要求的{item.What}实施方案，{item.Organization}逾期未报备，已催办。", item.Link, key + ":office"), at, ct);
        item.Filing.EscalatedAt = at;
        audit.Add(Actor.System, CascadeAuditActions.FilingEscalate, CascadeAuditActions.FilingEntity, item.Filing.Id, null,
            new { item.Filing.State, item.Filing.OrganizationId, Due = item.Due });
    }

    private static string Day(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
