using Duban.Core.Jobs;
using Duban.Core.Tracking.Escalation;
using Duban.Core.Tracking.Status;
using Duban.Core.Tracking.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Supervision;

/// <summary>
/// The daily escalation run (docs/supervision.md): <see cref="EscalationPlanner"/> decides what is due today (the pure
/// <see cref="EscalationRules"/> over every watched assignment), and each action someone can receive is recorded once
/// through <see cref="EscalationRecorder"/>; the others are left to the office's 无人接收 list. Then marks the 督办单
/// whose reply date has passed without an answer as overdue.
/// </summary>
public sealed class EscalationJob(DubanDbContext db, EscalationPlanner planner, EscalationRecorder recorder) : IScheduledJob
{
    public const string JobName = "escalation";

    public string Name => JobName;

    public async Task RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        var today = EscalationFactsReader.ChinaDay(run.StartedAt);
        foreach (var planned in await planner.PlanAsync(today, null, cancellationToken))
        {
            // Not recorded: its key stays free, so the action is issued on the first run after someone can receive it.
            if (!planned.Issuable) continue;
            await recorder.RecordAsync(planned.Assignment, planned.Action, today, run.StartedAt, cancellationToken);
        }
        await MarkOverdueAsync(today, run.StartedAt, cancellationToken);
    }

    /// <summary>
    /// Orders awaiting a reply (new, or returned as 整改不到位) past their reply date become 逾期未回复; one conditional
    /// UPDATE, harmless to repeat. When it changed orders, one audit entry says how many: the change is the system's,
    /// and the long lists' kept counts take a new audit entry as the sign that their rows may have changed (docs/web.md,
    /// "Long lists").
    /// </summary>
    public async Task<int> MarkOverdueAsync(DateOnly today, DateTimeOffset at, CancellationToken ct = default)
    {
        // A new version, so that a copy read before the change is stale; one value for all the rows is enough for that.
        var version = Guid.NewGuid();
        var marked = await db.Set<SupervisionOrder>().Where(o => (o.Status == OrderStatus.Open || o.Status == OrderStatus.Returned) && o.ReplyBy < today)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Overdue).SetProperty(o => o.Version, version), ct);
        if (marked > 0)
        {
            new Audit.AuditLog(db, new FixedTime(at)).Add(Audit.Actor.System, SupervisionAuditActions.OrdersOverdue, SupervisionAuditActions.OrderEntity, (string?)null,
                null, new { status = OrderStatus.Overdue, count = marked, replyBefore = today });
            await db.SaveChangesAsync(ct);
        }
        return marked;
    }

    /// <summary>The run's start as the audit entry's time, as the orders it issued carry it.</summary>
    private sealed class FixedTime(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}

/// <summary>
/// Records one escalation action: the job_actions guard, the timeline event, the 督办单 when one is due, the
/// notifications of the organisation's reporters and the region's administrators, and the webhook event, all in one
/// transaction. The guard's unique key decides, inside the database, which of two runs racing on the same action acts:
/// the other inserts nothing and returns.
/// </summary>
public sealed class EscalationRecorder(DubanDbContext db, Jobs.JobActions actions, Notifications.NotificationCenter center, Notifications.WebhookOutbox outbox, Audit.AuditLog audit)
{
    public static string SystemActor => Audit.Actor.System.Name;

    /// <summary>True when this call recorded the action; false when it was recorded already.</summary>
    public async Task<bool> RecordAsync(TrackedAssignment assignment, EscalationAction action, DateOnly today, DateTimeOffset at, CancellationToken ct = default)
    {
        var message = EscalationMessages.For(assignment, action, today);
        var payload = SupervisionJson.ToJson(new
        {
            kind = action.Kind, cause = action.Cause, assignmentId = action.AssignmentId, taskId = assignment.TaskId,
            organizationId = assignment.OrganizationId, about = action.About, replyBy = action.ReplyBy,
        });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await actions.TryRecordAsync(EscalationJob.JobName, message.NotificationKind, action.Key, payload, at, ct))
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        SupervisionOrder? order = null;
        if (action.Kind == EscalationKind.SupervisionOrder)
        {
            order = new SupervisionOrder
            {
                Number = "~" + Guid.NewGuid().ToString("N"), TaskId = assignment.TaskId, AssignmentId = assignment.AssignmentId,
                OrganizationId = assignment.OrganizationId, Reason = message.Body, IssuedAt = at, IssuedByName = SystemActor,
                ReplyBy = action.ReplyBy ?? today, Origin = OrderOrigin.Automatic, IdempotencyKey = action.Key,
            };
            db.Add(order);
            await db.SaveChangesAsync(ct);
            order.Number = SupervisionOrder.NumberFor(today.Year, order.Id);
            audit.Add(Audit.Actor.System, SupervisionAuditActions.OrderIssue, SupervisionAuditActions.OrderEntity, order.Id, null, OrderSnapshot.Of(order));
        }
        db.Add(new TaskEvent
        {
            TaskId = assignment.TaskId, AssignmentId = assignment.AssignmentId, OrganizationId = assignment.OrganizationId,
            Kind = action.Kind.ToEventKind(), At = at, ActorName = SystemActor,
            Summary = order is null ? message.Title : $"{message.Title}（{order.Number}）",
            Payload = payload, IdempotencyKey = action.Key, OrderId = order?.Id,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // An administrator flagged the same step by hand a moment ago (the timeline's key is unique): nothing to add.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }

        var link = order is null ? $"tasks/{assignment.TaskId}/timeline" : $"supervision/{order.Id}";
        var title = order is null ? message.Title : $"{message.Title}（{order.Number}）";
        var note = new Core.Notifications.NotificationMessage(message.NotificationKind, title, message.Body, link, action.Key);
        await center.NotifyOrganizationAsync(assignment.OrganizationId, note, at, ct);
        await center.NotifyRegionAdminsAsync(assignment.RegionId, ForAdministrators(assignment, action, note), at, ct);
        await outbox.EnqueueAsync(new Core.Notifications.WebhookEvent(action.Key, message.NotificationKind, at, title, message.Body, link,
            new System.Text.Json.Nodes.JsonObject
            {
                ["taskId"] = assignment.TaskId, ["assignmentId"] = assignment.AssignmentId, ["organizationId"] = assignment.OrganizationId,
                ["organization"] = assignment.OrganizationName, ["cause"] = action.Cause.ToString(), ["orderId"] = order?.Id,
            }), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// What the office is told. A deadline coming is the task's, whichever of its organisations is reminded: the
    /// administrators get one notice per task and deadline (keyed by both), not one per organisation of the task.
    /// Everything else concerns one organisation and is told as the organisation is told it.
    /// </summary>
    private static Core.Notifications.NotificationMessage ForAdministrators(TrackedAssignment assignment, EscalationAction action, Core.Notifications.NotificationMessage note)
    {
        if (action is not { Kind: EscalationKind.Reminder, Cause: EscalationCause.DeadlineApproaching, About: { } due }) return note;
        var day = $"{due.Year}年{due.Month}月{due.Day}日";
        return note with
        {
            Title = $"提醒：{assignment.TaskLabel}将于{day}到期",
            Body = $"{assignment.TaskLabel}完成时限为{day}，请督促各责任单位按期完成并报送进展。",
            IdempotencyKey = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"reminder:deadline:task:{assignment.TaskId}:{due:yyyyMMdd}"),
        };
    }
}

/// <summary>A 督办单 as the audit log keeps it.</summary>
internal sealed record OrderSnapshot(string Number, long? TaskId, long OrganizationId, string Reason, DateOnly ReplyBy, OrderStatus Status, OrderOrigin Origin)
{
    /// <summary>The 备案 of an order on a filing; left out of the log when null.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? FilingId { get; init; }

    public static OrderSnapshot Of(SupervisionOrder o) => new(o.Number, o.TaskId, o.OrganizationId, o.Reason, o.ReplyBy, o.Status, o.Origin) { FilingId = o.FilingId };
}
