using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Data.Tracking.Status;
using Duban.Web.Plans;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Calendar;

/// <summary>A task a feed speaks of: in the reader's scope, of a plan not archived, not completed.</summary>
public sealed record OpenTask(long Id, long PlanId, string PlanTitle, string No, string Text, DateOnly? Due, bool Ongoing, TrackingStatus Status);

/// <summary>
/// The tasks a feed's sources share, read once per request: a reporter's are those its organisation leads or
/// cooperates on; an administrator's or inspector's those of its data scope (the office's feed). Completed tasks are
/// left out by the tracking rules' verdict (<see cref="PlanStatusCache"/>, as the task list's status filter).
/// </summary>
public sealed class OpenTasks(DubanDbContext db, PlanQueries plans, PlanStatusCache statuses)
{
    private (long UserId, IReadOnlyList<OpenTask> Tasks)? read;

    public async Task<IReadOnlyList<OpenTask>> ForAsync(CalendarRequest request, CancellationToken ct)
    {
        var user = request.User;
        if (read is { } done && done.UserId == user.Id) return done.Tasks;
        var tasks = plans.VisibleTasks(user);
        if (user.Role == Role.Reporter)
            tasks = user.OrganizationId is { } organization ? tasks.Where(t => t.Assignments.Any(a => a.OrganizationId == organization)) : tasks.Where(t => false);
        var rows = await tasks
            .Where(t => db.Plans.Any(p => p.Id == t.PlanId && p.Status != PlanStatus.Archived))
            .Select(t => new { t.Id, t.PlanId, PlanTitle = db.Plans.Where(p => p.Id == t.PlanId).Select(p => p.Title).FirstOrDefault(), t.No, t.Text, t.Due, t.Ongoing })
            .ToListAsync(ct);
        var status = rows.Count == 0 ? [] : (await statuses.TasksAsync(db, rows.Select(r => r.Id).ToList(), rows.Select(r => r.PlanId).Distinct().ToList(), ct))
            .Tasks.ToDictionary(t => t.TaskId, t => t.Result.Status);
        var open = rows
            .Select(r => new OpenTask(r.Id, r.PlanId, r.PlanTitle ?? "", r.No, r.Text, r.Due, r.Ongoing, status.GetValueOrDefault(r.Id, TrackingStatus.NotStarted)))
            .Where(t => t.Status != TrackingStatus.Completed)
            .OrderBy(t => t.PlanId).ThenBy(t => t.Id)
            .ToList();
        read = (user.Id, open);
        return open;
    }
}
