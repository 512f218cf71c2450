using System.Globalization;
using System.Text.Json.Nodes;
using Duban.Core.Notifications;
using Duban.Data;
using Duban.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Plans;

/// <summary>
/// Tells organisations that they were given work (通知 kind <see cref="NotificationKinds.TaskAssigned"/>): when a plan
/// is published, each organisation with current tasks in it, once, with how many it leads and supports; when a new
/// version of a published plan is imported, each organisation given work the previous version did not give it; a task
/// added to a published plan by hand later, or an organisation added to a published task, is told by the task editor.
/// Runs in the caller's transaction.
/// </summary>
public sealed class AssignmentNotices(DubanDbContext db, NotificationCenter center, WebhookOutbox outbox)
{
    /// <summary>
    /// One notification per organisation of the plan's current tasks, keyed by plan and organisation: publishing again
    /// after a withdrawal tells nobody twice. One webhook event for the publication (not one per organisation, which
    /// would flood a group robot).
    /// </summary>
    public async Task PlanPublishedAsync(long planId, DateTimeOffset at, CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).SingleAsync(ct);
        var rows = await db.Assignments.AsNoTracking()
            .Where(a => a.Task!.PlanId == planId && a.Task.RemovedInVersionId == null)
            .Select(a => new { a.OrganizationId, a.TaskId, a.Role }).ToListAsync(ct);
        foreach (var organization in rows.GroupBy(r => r.OrganizationId).OrderBy(g => g.Key))
        {
            var tasks = organization.Select(r => r.TaskId).Distinct().ToList();
            var leads = organization.Where(r => r.Role == UnitRole.Lead).Select(r => r.TaskId).Distinct().Count();
            var body = $"《{title}》已发布，本单位承担其中 {tasks.Count} 项任务（牵头 {leads} 项、配合 {tasks.Count - leads} 项）。请在“我的任务”中按期报送进展。";
            // One task: its page; several: the plan, where they are listed.
            var link = tasks.Count == 1 ? $"tasks/{tasks[0]}" : $"plans/{planId}";
            var key = string.Create(CultureInfo.InvariantCulture, $"assigned:plan:{planId}:org:{organization.Key}");
            await center.NotifyOrganizationAsync(organization.Key, new NotificationMessage(NotificationKinds.TaskAssigned, Shorten($"新交办任务：{title}"), body, link, key), at, ct);
        }
        var organizations = rows.Select(r => r.OrganizationId).Distinct().Count();
        var taskCount = rows.Select(r => r.TaskId).Distinct().Count();
        await outbox.EnqueueAsync(new WebhookEvent(string.Create(CultureInfo.InvariantCulture, $"assigned:plan:{planId}"), NotificationKinds.TaskAssigned, at,
            Shorten($"计划已发布：{title}"), $"《{title}》已发布：{taskCount} 项任务交办 {organizations} 个单位。", $"plans/{planId}",
            new JsonObject { ["planId"] = planId, ["tasks"] = taskCount, ["organizations"] = organizations }), ct);
    }

    /// <summary>The plan's current (task, organisation) pairs, to compare with after a revision is imported.</summary>
    public async Task<IReadOnlySet<(long TaskId, long OrganizationId)>> CurrentAssignmentsAsync(long planId, CancellationToken ct) =>
        (await db.Assignments.AsNoTracking().Where(a => a.Task!.PlanId == planId && a.Task.RemovedInVersionId == null)
            .Select(a => new { a.TaskId, a.OrganizationId }).ToListAsync(ct)).Select(a => (a.TaskId, a.OrganizationId)).ToHashSet();

    /// <summary>
    /// After a new version of a published plan: each organisation with a task (or a part in a task) it did not have
    /// <paramref name="before"/>, once per version, with those tasks. Nobody is told about work it already had, and a
    /// draft plan tells nobody (its publication will).
    /// </summary>
    public async Task RevisionImportedAsync(long planId, int versionNumber, IReadOnlySet<(long TaskId, long OrganizationId)> before, DateTimeOffset at, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Title, p.Status }).SingleAsync(ct);
        if (plan.Status != Duban.Core.Plans.PlanStatus.Published) return;
        var rows = await db.Assignments.AsNoTracking()
            .Where(a => a.Task!.PlanId == planId && a.Task.RemovedInVersionId == null)
            .Select(a => new { a.OrganizationId, a.TaskId, a.Task!.No, a.Role }).ToListAsync(ct);
        var added = rows.Where(r => !before.Contains((r.TaskId, r.OrganizationId))).ToList();
        foreach (var organization in added.GroupBy(r => r.OrganizationId).OrderBy(g => g.Key))
        {
            var tasks = organization.DistinctBy(r => r.TaskId).OrderBy(r => r.TaskId).ToList();
            var leads = tasks.Count(r => r.Role == UnitRole.Lead);
            var numbers = string.Join("、", tasks.Take(10).Select(r => r.No)) + (tasks.Count > 10 ? " 等" : "");
            var body = $"《{plan.Title}》已修订（第 {versionNumber} 版），新增由本单位承担的任务 {tasks.Count} 项（牵头 {leads} 项、配合 {tasks.Count - leads} 项）：任务 {numbers}。请在“我的任务”中按期报送进展。";
            var link = tasks.Count == 1 ? $"tasks/{tasks[0].TaskId}" : $"plans/{planId}";
            var key = string.Create(CultureInfo.InvariantCulture, $"assigned:plan:{planId}:v{versionNumber}:org:{organization.Key}");
            await center.NotifyOrganizationAsync(organization.Key, new NotificationMessage(NotificationKinds.TaskAssigned, Shorten($"新交办任务：{plan.Title}（修订）"), body, link, key), at, ct);
        }
        if (added.Count == 0) return;
        var organizations = added.Select(r => r.OrganizationId).Distinct().Count();
        var taskCount = added.Select(r => r.TaskId).Distinct().Count();
        await outbox.EnqueueAsync(new WebhookEvent(string.Create(CultureInfo.InvariantCulture, $"assigned:plan:{planId}:v{versionNumber}"), NotificationKinds.TaskAssigned, at,
            Shorten($"计划已修订：{plan.Title}"), $"《{plan.Title}》第 {versionNumber} 版新增交办：{taskCount} 项任务、{organizations} 个单位。", $"plans/{planId}",
            new JsonObject { ["planId"] = planId, ["version"] = versionNumber, ["tasks"] = taskCount, ["organizations"] = organizations }), ct);
    }

    /// <summary>Titles are one line of at most 200 characters; a plan's title can be long.</summary>
    private static string Shorten(string title) => title.Length <= 200 ? title : title[..199] + "…";
}
