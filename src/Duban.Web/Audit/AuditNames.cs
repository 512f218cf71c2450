using Duban.Core.Tracking.Supervision;
using Duban.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Audit;

/// <summary>
/// The names and pages of the records a page of audit entries mentions (users, organisations, regions, plans, tasks,
/// 督办单, targets, reports, values, webhooks), read once per kind for the whole page. A record that no longer exists
/// keeps its number.
/// </summary>
public sealed class AuditNames
{
    public const string User = "user", Organization = "organization", Region = "region", Plan = "plan", Task = "task", Order = "order",
        Target = "target", Report = "report", Observation = "observation", Webhook = "webhook";

    private readonly Dictionary<(string Kind, long Id), AuditValue> known = [];

    /// <summary>The record's name and page, or its kind and number when it is not known.</summary>
    public AuditValue Of(string kind, long id) => known.GetValueOrDefault((kind, id)) ?? new($"{KindName(kind)} {id}");

    /// <summary>A user by display name; a user no longer there by the user name the entry kept; the application as 系统.</summary>
    public string PersonOf(long? userId, string userName) =>
        userId is { } id && known.TryGetValue((User, id), out var name) ? name.Text : userName == Display.PersonName.SystemActor ? "系统" : userName;

    private static string KindName(string kind) => kind switch
    {
        User => "用户", Organization => "单位", Region => "区域", Plan => "计划", Task => "任务", Order => "督办单", Target => "指标",
        Report => "进展报告", Observation => "指标值", Webhook => "Webhook", _ => kind,
    };

    /// <summary>Reads the names of every id the wanted set holds, one query per kind.</summary>
    public static async Task<AuditNames> LoadAsync(DubanDbContext db, IReadOnlyDictionary<string, HashSet<long>> wanted, CancellationToken ct)
    {
        var names = new AuditNames();
        List<long> Ids(string kind) => wanted.TryGetValue(kind, out var ids) ? [.. ids] : [];
        void Add(string kind, long id, string text, string? link) => names.known[(kind, id)] = new(text, link);

        if (Ids(User) is { Count: > 0 } users)
            foreach (var u in await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(ct))
                Add(User, u.Id, u.DisplayName, $"users/{u.Id}");
        if (Ids(Organization) is { Count: > 0 } organizations)
            foreach (var o in await db.Organizations.AsNoTracking().Where(o => organizations.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
                Add(Organization, o.Id, o.Name, null);
        if (Ids(Region) is { Count: > 0 } regions)
            foreach (var r in await db.Regions.AsNoTracking().Where(r => regions.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
                Add(Region, r.Id, r.Name, null);
        if (Ids(Plan) is { Count: > 0 } plans)
            foreach (var p in await db.Plans.AsNoTracking().Where(p => plans.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
                Add(Plan, p.Id, $"《{p.Title}》", $"plans/{p.Id}");
        if (Ids(Task) is { Count: > 0 } tasks)
            foreach (var t in await db.Tasks.AsNoTracking().Where(t => tasks.Contains(t.Id)).Select(t => new { t.Id, t.No }).ToListAsync(ct))
                Add(Task, t.Id, $"任务 {t.No}", $"tasks/{t.Id}");
        if (Ids(Order) is { Count: > 0 } orders)
            foreach (var o in await db.Set<SupervisionOrder>().AsNoTracking().Where(o => orders.Contains(o.Id)).Select(o => new { o.Id, o.Number }).ToListAsync(ct))
                Add(Order, o.Id, $"督办单 {o.Number}", $"supervision/{o.Id}");
        if (Ids(Target) is { Count: > 0 } targets)
            foreach (var t in await db.Targets.AsNoTracking().Where(t => targets.Contains(t.Id)).Select(t => new { t.Id, t.Subject }).ToListAsync(ct))
                Add(Target, t.Id, t.Subject, $"targets/{t.Id}");
        if (Ids(Report) is { Count: > 0 } reports)
            foreach (var r in await db.ProgressReports.AsNoTracking().Where(r => reports.Contains(r.Id))
                         .Select(r => new { r.Id, r.Assignment!.TaskId, r.Assignment.Task!.No, Organization = r.Assignment.Organization!.Name, r.Period!.Kind, r.Period.Start, r.Period.End })
                         .ToListAsync(ct))
                Add(Report, r.Id, $"{r.Organization} 任务 {r.No} {new Core.Tracking.Periods.PeriodSpan(r.Kind, r.Start, r.End).Label}进展", $"tasks/{r.TaskId}");
        if (Ids(Observation) is { Count: > 0 } observations)
            foreach (var o in await db.Observations.AsNoTracking().Where(o => observations.Contains(o.Id))
                         .Select(o => new { o.Id, Subject = db.Targets.Where(t => t.Id == o.TargetId).Select(t => t.Subject).FirstOrDefault(), o.Period!.Kind, o.Period.Start, o.Period.End })
                         .ToListAsync(ct))
                Add(Observation, o.Id, $"{o.Subject} {new Core.Tracking.Periods.PeriodSpan(o.Kind, o.Start, o.End).Label}", $"observations/{o.Id}");
        if (Ids(Webhook) is { Count: > 0 } webhooks)
            foreach (var w in await db.Set<Core.Notifications.WebhookEndpoint>().AsNoTracking().Where(w => webhooks.Contains(w.Id)).Select(w => new { w.Id, w.Name }).ToListAsync(ct))
                Add(Webhook, w.Id, w.Name, "webhooks");
        return names;
    }
}
