using System.Globalization;
using Duban.Core.Governance;
using Duban.Core.Jobs;
using Duban.Core.Notifications;
using Duban.Core.Tracking.Periods;

namespace Duban.Data.Governance;

/// <summary>
/// The daily cadence run (docs/governance.md, "Reminders and the flag"): for each body with a cadence, the office is
/// reminded once per window when the window closes within <see cref="CadenceRules.DefaultReminderDays"/> days and no
/// meeting is on record; and told once when the latest window closed without one (the 督办 flag the body page and the
/// workbench show, computed from the same rule). The office is the body's office organisation's reporters and the
/// administrators of the plan's region. Each notice is guarded by a job action key, as the escalation run's are.
/// </summary>
public sealed class MeetingReminderJob(DubanDbContext db, Jobs.JobActions actions, Notifications.NotificationCenter center, Notifications.WebhookOutbox outbox) : IScheduledJob
{
    public const string JobName = "meeting-cadence";

    public string Name => JobName;

    public async Task RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        var today = ChinaCalendar.Today(run.StartedAt);
        foreach (var body in await CadenceFacts.LoadAsync(db, db.GoverningBodies, cancellationToken))
        {
            var windows = body.Evaluate(today);
            foreach (var due in windows.Where(w => w.DueSoon))
                await NotifyAsync(body, due, NotificationKinds.Reminder, "reminder", $"提醒：{body.BodyName}{due.Window.Label}会议尚未召开",
                    $"按照召开频次，{body.BodyName}应在{Day(due.Window.End)}前召开{due.Window.Label}的会议，目前尚无会议记录。请办公室及时筹备，会后在督办系统登记会议和议定事项。",
                    run.StartedAt, cancellationToken);
            if (BodyCadence.MissedFlag(windows) is { } missed)
                await NotifyAsync(body, missed, NotificationKinds.Chase, "missed", $"督办：{body.BodyName}{missed.Window.Label}未按期召开会议",
                    $"{body.BodyName}{missed.Window.Label}（{Day(missed.Window.Start)}至{Day(missed.Window.End)}）没有会议记录，未达到规定的召开频次。请办公室说明情况并尽快召开。",
                    run.StartedAt, cancellationToken);
        }
    }

    public static string Day(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    public static string KeyOf(string what, long bodyId, CadenceWindow window) =>
        string.Create(CultureInfo.InvariantCulture, $"meeting-{what}:{bodyId}:{window.Start:yyyyMMdd}");

    private async Task NotifyAsync(BodyCadence body, WindowStatus window, string kind, string what, string title, string text, DateTimeOffset at, CancellationToken ct)
    {
        var key = KeyOf(what, body.BodyId, window.Window);
        var payload = System.Text.Json.JsonSerializer.Serialize(new { bodyId = body.BodyId, windowStart = window.Window.Start, windowEnd = window.Window.End, state = window.State.ToString() });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await actions.TryRecordAsync(JobName, kind, key, payload, at, ct))
        {
            await tx.RollbackAsync(ct);
            return;
        }
        var link = $"bodies/{body.BodyId}";
        var message = new NotificationMessage(kind, title, text, link, key);
        if (body.OfficeOrganizationId is { } office) await center.NotifyOrganizationAsync(office, message, at, ct);
        if (body.RegionId is { } region) await center.NotifyRegionAdminsAsync(region, message, at, ct);
        await outbox.EnqueueAsync(new WebhookEvent(key, kind, at, title, text, link,
            new System.Text.Json.Nodes.JsonObject { ["bodyId"] = body.BodyId, ["planId"] = body.PlanId, ["windowStart"] = window.Window.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }), ct);
        await tx.CommitAsync(ct);
    }
}
