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
/// is published, each organisation with current tasks in it, once, with how many it leads and supports; a task added
/// to a published plan later, or an organisation added to a published task, is told by the task editor. Runs in the
/// caller's transaction.
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

    /// <summary>Titles are one line of at most 200 characters; a plan's title can be long.</summary>
    private static string Shorten(string title) => title.Length <= 200 ? title : title[..199] + "…";
}
