using Duban.Core.Cascade;
using Duban.Core.Jobs;
using Duban.Core.Notifications;
using Duban.Data.Audit;
using Duban.Data.Notifications;
using Duban.Data.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Cascade;

/// <summary>
/// The daily run over filings (docs/cascade.md): a filing not made (or returned and not made again) by its due date is
/// escalated once, like a task's missing report — a 催办 to the filing organisation's reporters and the administrators
/// over it, and a notice to the upper plan's office — and marked with the day it was escalated. Idempotent: the mark
/// and the notifications' keys make a second run do nothing.
/// </summary>
public sealed class FilingJob(DubanDbContext db, NotificationCenter center, AuditLog audit) : IScheduledJob
{
    public const string JobName = "filing-escalation";

    public string Name => JobName;

    public async Task RunAsync(JobRun run, CancellationToken cancellationToken) => await EscalateAsync(run.StartedAt, cancellationToken);

    /// <summary>Escalates the late filings not escalated yet; returns how many.</summary>
    public async Task<int> EscalateAsync(DateTimeOffset at, CancellationToken ct = default)
    {
        var today = EscalationFactsReader.ChinaDay(at);
        var late = await (from f in db.Set<Filing>()
                          join r in db.Set<FilingRequirement>() on f.RequirementId equals r.Id
                          join p in db.Plans on r.PlanId equals p.Id
                          join o in db.Organizations on f.OrganizationId equals o.Id
                          where f.EscalatedAt == null && (f.State == FilingState.Pending || f.State == FilingState.Returned) && r.Due != null && r.Due < today
                          select new { Filing = f, r.Kind, r.Due, r.Office, PlanId = p.Id, p.Title, PlanRegion = p.RegionId, Organization = o.Name, o.RegionId })
            .ToListAsync(ct);
        foreach (var item in late)
        {
            var due = item.Due!.Value;
            var what = item.Kind.Label();
            var link = $"plans/{item.PlanId}/cascade";
            var key = $"filing-late:{item.Filing.Id}";
            await center.NotifyOrganizationAsync(item.Filing.OrganizationId, new NotificationMessage(NotificationKinds.Chase, $"催办：{what}实施方案逾期未备案",
                $"《{item.Title}》要求于{due.Year}年{due.Month}月{due.Day}日前报{item.Office ?? "上级"}备案的{what}实施方案，{item.Organization}尚未报备，请尽快报备。", link, key), at, ct);
            await center.NotifyRegionAdminsAsync(item.RegionId, new NotificationMessage(NotificationKinds.Chase, $"催办：{item.Organization}{what}实施方案逾期未备案",
                $"《{item.Title}》要求的{what}实施方案应于{due.Year}年{due.Month}月{due.Day}日前备案，{item.Organization}尚未报备。", link, key + ":region"), at, ct);
            if (item.PlanRegion is { } upperRegion && upperRegion != item.RegionId)
                await center.NotifyRegionAdminsAsync(upperRegion, new NotificationMessage(NotificationKinds.Chase, $"{item.Organization}{what}实施方案逾期未备案",
                    $"《{item.Title}》要求的{what}实施方案，{item.Organization}逾期未报备，已催办。", link, key + ":office"), at, ct);
            item.Filing.EscalatedAt = at;
            audit.Add(Actor.System, CascadeAuditActions.FilingEscalate, CascadeAuditActions.FilingEntity, item.Filing.Id, null,
                new { item.Filing.State, item.Filing.OrganizationId, Due = due });
        }
        await db.SaveChangesAsync(ct);
        return late.Count;
    }
}
