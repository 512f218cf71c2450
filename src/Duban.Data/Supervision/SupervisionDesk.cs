using Duban.Core.Notifications;
using Duban.Data.Audit;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Status;
using Duban.Core.Tracking.Supervision;
using Duban.Data.Notifications;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Supervision;

/// <summary>An administrator's 督办单: the task, the organisation (one of the task's), why, and the reply date (default: today + OrderReplyDays).</summary>
public sealed record NewOrder(long? TaskId, long? OrganizationId, string? Reason, DateOnly? ReplyBy);

/// <summary>The organisation's answer: what it will do (整改措施) and the new completion date.</summary>
public sealed record RectificationInput(string? Measures, DateOnly? NewDate);

/// <summary>The office closes a 督办单 (已办结, 销号): why, and, when no reply awaits review, the explicit wish to close it without one.</summary>
public sealed record OrderCloseInput(string? Comment, bool? WithoutReply);

/// <summary>The office returns a reply (整改不到位): what is still missing, and optionally a new reply date.</summary>
public sealed record OrderReturnInput(string? Comment, DateOnly? ReplyBy);

/// <summary>A 领导批示 as the office records it.</summary>
public sealed record InstructionInput(string? LeaderName, string? Text, DateOnly? Date);

/// <summary>约谈 or 通报 set by hand on one organisation's part of a task.</summary>
public sealed record FlagInput(string? Kind, long? OrganizationId, string? Note);

/// <summary>
/// The people's side of supervision: an administrator issues a 督办单, records a 领导批示 or flags 约谈 / 通报; the
/// organisation's reporter answers a 督办单. Every write goes on the task's timeline and into the audit log in one
/// transaction. The caller checks the task or order is in the administrator's scope (404 otherwise); a reply is checked
/// here: only a reporter of the order's organisation may give it, anyone else is told it does not exist.
/// </summary>
public sealed class SupervisionDesk(DubanDbContext db, TimeProvider clock, AuditLog audit, NotificationCenter center, WebhookOutbox outbox, Core.Tracking.Escalation.EscalationOptions options)
{
    public const int MaxNoteLength = 500;

    /// <summary>The reply period of an order issued without a date (Escalation:OrderReplyDays), for the forms to say.</summary>
    public int DefaultReplyDays => options.OrderReplyDays;

    public async Task<TrackingOutcome<SupervisionOrder>> IssueAsync(TrackingActor actor, NewOrder input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以下发督办单。");
        if (input.TaskId is not { } taskId) return TrackingErrors.Invalid("taskId", "taskId（任务）不能为空。");
        if (input.OrganizationId is not { } organizationId) return TrackingErrors.Invalid("organizationId", "organizationId（责任单位）不能为空。");
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return TrackingErrors.Invalid("reason", "reason（督办事由）不能为空。");
        if (reason.Length > SupervisionOrder.MaxReasonLength) return TrackingErrors.Invalid("reason", $"reason（督办事由）不能超过 {SupervisionOrder.MaxReasonLength} 个字符。");
        var today = TrackingDay.Today(clock);
        var replyBy = input.ReplyBy ?? today.AddDays(options.OrderReplyDays);
        if (replyBy < today) return TrackingErrors.Invalid("replyBy", "replyBy（回复期限）不能早于今天。");
        if (TooFarAhead(replyBy, today, "replyBy", "回复期限") is { } farReply) return farReply;
        var assignment = await db.Assignments.AsNoTracking().Where(a => a.TaskId == taskId && a.OrganizationId == organizationId)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Organization!.RegionId, a.Organization.Name }).FirstOrDefaultAsync(ct);
        if (assignment is null) return TrackingErrors.Invalid("organizationId", "organizationId（责任单位）不是该任务的承担单位。");
        // One open order per task and organisation, as the escalation job keeps it: a second would split the replies.
        var open = await db.Set<SupervisionOrder>().AsNoTracking()
            .Where(o => o.TaskId == taskId && o.OrganizationId == organizationId && o.Status != OrderStatus.Closed).Select(o => o.Number).FirstOrDefaultAsync(ct);
        if (open is not null)
            return TrackingErrors.Conflict($"{assignment.Name}就该任务已有未办结的督办单（{open}），请在原督办单上跟进：退回整改或办结后再下发。", "organizationId");

        // Named as every page names people: by display name, not the login name.
        var issuer = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? actor.UserName;
        var at = clock.GetUtcNow();
        var order = new SupervisionOrder
        {
            Number = "~" + Guid.NewGuid().ToString("N"), TaskId = taskId, AssignmentId = assignment.Id, OrganizationId = organizationId,
            Reason = reason, IssuedAt = at, IssuedById = actor.UserId, IssuedByName = issuer, ReplyBy = replyBy,
            Origin = OrderOrigin.Manual, IdempotencyKey = "manual-order:" + Guid.NewGuid().ToString("N"),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(order);
        await db.SaveChangesAsync(ct);
        order.Number = SupervisionOrder.NumberFor(today.Year, order.Id);
        var title = $"督办单（{order.Number}）：请于{Day(replyBy)}前回复整改措施";
        AddEvent(actor, at, taskId, assignment.Id, organizationId, TaskEventKind.SupervisionOrder, $"{actor.UserName}向{assignment.Name}下发督办单（{order.Number}）", order.IdempotencyKey, order.Id,
            new { orderId = order.Id, reason, replyBy });
        Audit(actor, SupervisionAuditActions.OrderIssue, SupervisionAuditActions.OrderEntity, order.Id, null, OrderSnapshot.Of(order));
        await db.SaveChangesAsync(ct);
        var message = new NotificationMessage(NotificationKinds.SupervisionOrder, title, reason, $"supervision/{order.Id}", order.IdempotencyKey);
        await center.NotifyOrganizationAsync(organizationId, message, at, ct);
        await outbox.EnqueueAsync(new WebhookEvent(order.IdempotencyKey, NotificationKinds.SupervisionOrder, at, title, reason, message.Link,
            new System.Text.Json.Nodes.JsonObject { ["taskId"] = taskId, ["organizationId"] = organizationId, ["orderId"] = order.Id }), ct);
        await tx.CommitAsync(ct);
        return TrackingOutcome<SupervisionOrder>.Ok(order);
    }

    public async Task<TrackingOutcome<Rectification>> ReplyAsync(TrackingActor actor, long orderId, RectificationInput input, CancellationToken ct = default)
    {
        var order = await db.Set<SupervisionOrder>().Include(o => o.Rectifications).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        // Another organisation's order is as absent as a missing one; an administrator may not answer on its behalf.
        if (order is null || !actor.ReportsFor(order.OrganizationId)) return TrackingErrors.NotFound("未找到该督办单。");
        if (!order.Answerable) return TrackingErrors.Conflict("该督办单已办结，不能再回复。");
        var measures = input.Measures?.Trim();
        if (string.IsNullOrEmpty(measures)) return TrackingErrors.Invalid("measures", "measures（整改措施）不能为空。");
        if (measures.Length > Rectification.MaxMeasuresLength) return TrackingErrors.Invalid("measures", $"measures（整改措施）不能超过 {Rectification.MaxMeasuresLength} 个字符。");
        var today = TrackingDay.Today(clock);
        if (input.NewDate is not { } newDate) return TrackingErrors.Invalid("newDate", "newDate（整改完成时间）不能为空。");
        if (newDate < today) return TrackingErrors.Invalid("newDate", "newDate（整改完成时间）不能早于今天。");
        if (TooFarAhead(newDate, today, "newDate", "整改完成时间") is { } farDate) return farDate;

        var at = clock.GetUtcNow();
        var before = OrderSnapshot.Of(order);
        var rectification = new Rectification
        {
            OrderId = order.Id, Number = order.Rectifications.Count + 1, Measures = measures, NewDate = newDate,
            AuthorId = actor.UserId, AuthorName = actor.UserName, CreatedAt = at,
        };
        order.Rectifications.Add(rectification);
        order.Status = OrderStatus.Answered;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two replies at once: the (order, number) index let the other one through.
            return TrackingErrors.StaleCopy();
        }
        var key = $"reply:{order.Id}:{rectification.Number}";
        AddOrderEvent(actor, at, order, TaskEventKind.Reply,
            $"回复督办单（{order.Number}）：整改完成时间 {Day(newDate)}", key, new { orderId = order.Id, rectification = rectification.Number, newDate });
        Audit(actor, SupervisionAuditActions.OrderReply, SupervisionAuditActions.OrderEntity, order.Id, before,
            new { order = OrderSnapshot.Of(order), rectification = new { rectification.Number, rectification.Measures, rectification.NewDate } });
        await db.SaveChangesAsync(ct);
        var regionId = await db.Organizations.Where(o => o.Id == order.OrganizationId).Select(o => o.RegionId).SingleAsync(ct);
        var message = new NotificationMessage(NotificationKinds.SupervisionOrder, $"督办单（{order.Number}）已回复", measures.Length > 200 ? measures[..200] + "…" : measures,
            $"supervision/{order.Id}", key);
        await center.NotifyRegionAdminsAsync(regionId, message, at, ct);
        await tx.CommitAsync(ct);
        return TrackingOutcome<Rectification>.Ok(rectification);
    }

    /// <summary>
    /// Closes a 督办单 (已办结): the office accepts the reply awaiting review, or, when there is none, closes it anyway
    /// only if told so explicitly (withoutReply) with the reason in the comment (e.g. the task is completed). The caller
    /// has checked the order is in the administrator's scope.
    /// </summary>
    /// <param name="expectedVersion">The order version the administrator read (If-Match); null skips the check.</param>
    public async Task<TrackingOutcome<SupervisionOrder>> CloseAsync(TrackingActor actor, long orderId, Guid? expectedVersion, OrderCloseInput input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以办结督办单。");
        var order = await LoadForReviewAsync(orderId, ct);
        if (order is null) return TrackingErrors.NotFound("未找到该督办单。");
        if (expectedVersion is { } expected && expected != order.Version) return TrackingErrors.StaleCopy();
        if (order.Status == OrderStatus.Closed) return TrackingErrors.Conflict("该督办单已办结。");
        var comment = input.Comment?.Trim();
        if (string.IsNullOrEmpty(comment)) return TrackingErrors.Invalid("comment", "comment（办结意见）不能为空。");
        if (comment.Length > OrderReview.MaxCommentLength) return TrackingErrors.Invalid("comment", $"comment（办结意见）不能超过 {OrderReview.MaxCommentLength} 个字符。");
        // Only a reply not yet returned is one the office can accept.
        var reviewed = order.Status == OrderStatus.Answered ? order.Rectifications.Max(r => (int?)r.Number) : null;
        if (reviewed is null && input.WithoutReply != true)
            return TrackingErrors.Invalid("withoutReply",
                "该督办单没有待审核的整改回复，不能直接办结；如确需办结（如任务已完成），请将 withoutReply（未回复直接办结）设为 true，并在 comment（办结意见）中说明理由。");

        var at = clock.GetUtcNow();
        var before = OrderSnapshot.Of(order);
        var review = new OrderReview
        {
            OrderId = order.Id, Decision = OrderDecision.Closed, Comment = comment, RectificationNumber = reviewed,
            ReviewerId = actor.UserId, ReviewerName = actor.UserName, At = at,
        };
        order.Reviews.Add(review);
        order.Status = OrderStatus.Closed;
        var key = $"order-close:{order.Id}";
        var summary = reviewed is { } n
            ? $"{actor.UserName}办结督办单（{order.Number}），认可第 {n} 次整改回复：{comment}"
            : $"{actor.UserName}办结督办单（{order.Number}）（未回复直接办结）：{comment}";
        AddOrderEvent(actor, at, order, TaskEventKind.OrderClosed, summary, key,
            new { orderId = order.Id, comment, rectification = reviewed, withoutReply = reviewed is null });
        Audit(actor, SupervisionAuditActions.OrderClose, SupervisionAuditActions.OrderEntity, order.Id, before,
            new { order = OrderSnapshot.Of(order), review = new { review.Decision, review.Comment, review.RectificationNumber } });
        return await SaveReviewAsync(order, key, NotificationKinds.SupervisionOrder, $"督办单（{order.Number}）已办结", comment, at, ct);
    }

    /// <summary>
    /// Returns the reply awaiting review (整改不到位): the comment says what is missing; the organisation must answer
    /// again, by a new reply date when one is given (not before today). The order stays open.
    /// </summary>
    public async Task<TrackingOutcome<SupervisionOrder>> ReturnAsync(TrackingActor actor, long orderId, Guid? expectedVersion, OrderReturnInput input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以审核督办单的整改回复。");
        var order = await LoadForReviewAsync(orderId, ct);
        if (order is null) return TrackingErrors.NotFound("未找到该督办单。");
        if (expectedVersion is { } expected && expected != order.Version) return TrackingErrors.StaleCopy();
        if (order.Status == OrderStatus.Closed) return TrackingErrors.Conflict("该督办单已办结，不能退回。");
        if (order.Status != OrderStatus.Answered) return TrackingErrors.Conflict("该督办单没有待审核的整改回复，不能退回。");
        var comment = input.Comment?.Trim();
        if (string.IsNullOrEmpty(comment)) return TrackingErrors.Invalid("comment", "comment（整改不到位的意见）不能为空，请说明还需整改的内容。");
        if (comment.Length > OrderReview.MaxCommentLength) return TrackingErrors.Invalid("comment", $"comment（整改不到位的意见）不能超过 {OrderReview.MaxCommentLength} 个字符。");
        var today = TrackingDay.Today(clock);
        if (input.ReplyBy is { } newReplyBy && newReplyBy < today) return TrackingErrors.Invalid("replyBy", "replyBy（新的回复期限）不能早于今天。");
        if (input.ReplyBy is { } lateReplyBy && TooFarAhead(lateReplyBy, today, "replyBy", "新的回复期限") is { } farReply) return farReply;

        var at = clock.GetUtcNow();
        var before = OrderSnapshot.Of(order);
        var reviewed = order.Rectifications.Max(r => r.Number);
        var review = new OrderReview
        {
            OrderId = order.Id, Decision = OrderDecision.Returned, Comment = comment, RectificationNumber = reviewed, NewReplyBy = input.ReplyBy,
            ReviewerId = actor.UserId, ReviewerName = actor.UserName, At = at,
        };
        order.Reviews.Add(review);
        order.Status = OrderStatus.Returned;
        if (input.ReplyBy is { } replyBy) order.ReplyBy = replyBy;
        var key = $"order-return:{order.Id}:{reviewed}";
        AddOrderEvent(actor, at, order, TaskEventKind.OrderReturned,
            $"{actor.UserName}认定督办单（{order.Number}）第 {reviewed} 次整改回复整改不到位，请于{Day(order.ReplyBy)}前重新回复：{comment}", key,
            new { orderId = order.Id, comment, rectification = reviewed, replyBy = order.ReplyBy });
        Audit(actor, SupervisionAuditActions.OrderReturn, SupervisionAuditActions.OrderEntity, order.Id, before,
            new { order = OrderSnapshot.Of(order), review = new { review.Decision, review.Comment, review.RectificationNumber, review.NewReplyBy } });
        return await SaveReviewAsync(order, key, NotificationKinds.SupervisionOrder,
            $"督办单（{order.Number}）整改不到位，请于{Day(order.ReplyBy)}前重新回复", comment, at, ct);
    }

    private Task<SupervisionOrder?> LoadForReviewAsync(long orderId, CancellationToken ct) =>
        db.Set<SupervisionOrder>().Include(o => o.Rectifications).SingleOrDefaultAsync(o => o.Id == orderId, ct);

    /// <summary>
    /// Saves a review with its timeline event and audit entry, checking the order's version (a second administrator
    /// who read the same version is told their copy is stale), then notifies the organisation's reporters and queues
    /// the webhook event, all in one transaction.
    /// </summary>
    private async Task<TrackingOutcome<SupervisionOrder>> SaveReviewAsync(SupervisionOrder order, string key, string kind, string title, string body, DateTimeOffset at, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (!await db.SaveUnlessStaleAsync(ct)) return TrackingErrors.StaleCopy();
        }
        catch (DbUpdateException)
        {
            // The timeline key is unique: the same review was stored by another request meanwhile.
            return TrackingErrors.StaleCopy();
        }
        var message = new NotificationMessage(kind, title, body.Length > 200 ? body[..200] + "…" : body, $"supervision/{order.Id}", key);
        await center.NotifyOrganizationAsync(order.OrganizationId, message, at, ct);
        await outbox.EnqueueAsync(new WebhookEvent(key, kind, at, title, body, message.Link,
            new System.Text.Json.Nodes.JsonObject
            {
                ["taskId"] = order.TaskId, ["filingId"] = order.FilingId, ["organizationId"] = order.OrganizationId, ["orderId"] = order.Id, ["status"] = order.Status.ToString(),
            }), ct);
        await tx.CommitAsync(ct);
        return TrackingOutcome<SupervisionOrder>.Ok(order);
    }

    public async Task<TrackingOutcome<Instruction>> RecordInstructionAsync(TrackingActor actor, long taskId, InstructionInput input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以录入领导批示。");
        var leader = input.LeaderName?.Trim();
        if (string.IsNullOrEmpty(leader)) return TrackingErrors.Invalid("leaderName", "leaderName（批示领导）不能为空。");
        if (leader.Length > Instruction.MaxLeaderLength) return TrackingErrors.Invalid("leaderName", $"leaderName（批示领导）不能超过 {Instruction.MaxLeaderLength} 个字符。");
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return TrackingErrors.Invalid("text", "text（批示内容）不能为空。");
        if (text.Length > Instruction.MaxTextLength) return TrackingErrors.Invalid("text", $"text（批示内容）不能超过 {Instruction.MaxTextLength} 个字符。");
        var today = TrackingDay.Today(clock);
        if (input.Date is not { } date) return TrackingErrors.Invalid("date", "date（批示日期）不能为空。");
        if (date > today) return TrackingErrors.Invalid("date", "date（批示日期）不能晚于今天。");
        if (date < PlausibleDates.Earliest) return TrackingErrors.Invalid("date", $"date（批示日期）不能早于 {PlausibleDates.Text(PlausibleDates.Earliest)}。");
        if (!await db.Tasks.AnyAsync(t => t.Id == taskId, ct)) return TrackingErrors.NotFound("未找到该任务。");

        var at = clock.GetUtcNow();
        var instruction = new Instruction { TaskId = taskId, LeaderName = leader, Text = text, Date = date, RecordedById = actor.UserId, RecordedByName = actor.UserName, RecordedAt = at };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(instruction);
        await db.SaveChangesAsync(ct);
        var key = $"instruction:{instruction.Id}";
        AddEvent(actor, at, taskId, null, null, TaskEventKind.Instruction, $"{leader}批示：{(text.Length > 60 ? text[..60] + "…" : text)}", key, null,
            new { instructionId = instruction.Id, leader, date });
        Audit(actor, SupervisionAuditActions.InstructionRecord, SupervisionAuditActions.InstructionEntity, instruction.Id, null,
            new { instruction.TaskId, instruction.LeaderName, instruction.Text, instruction.Date });
        await db.SaveChangesAsync(ct);
        var organizations = await db.Assignments.Where(a => a.TaskId == taskId).Select(a => a.OrganizationId).Distinct().ToListAsync(ct);
        var message = new NotificationMessage(NotificationKinds.Instruction, $"领导批示：{leader}", text, $"tasks/{taskId}/timeline", key);
        foreach (var organization in organizations) await center.NotifyOrganizationAsync(organization, message, at, ct);
        await outbox.EnqueueAsync(new WebhookEvent(key, NotificationKinds.Instruction, at, message.Title, text, message.Link,
            new System.Text.Json.Nodes.JsonObject { ["taskId"] = taskId, ["instructionId"] = instruction.Id }), ct);
        await tx.CommitAsync(ct);
        return TrackingOutcome<Instruction>.Ok(instruction);
    }

    /// <summary>
    /// Flags 约谈 or 通报 by hand, under the same key the escalation rules use (summons:&lt;assignment&gt;), so the job
    /// never flags the same step again, and a flag set twice is a conflict.
    /// </summary>
    public async Task<TrackingOutcome<TaskEvent>> FlagAsync(TrackingActor actor, long taskId, FlagInput input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以标记约谈或通报。");
        var kind = input.Kind?.Trim().ToLowerInvariant() switch
        {
            "summons" => TaskEventKind.Summons,
            "bulletin" => TaskEventKind.Bulletin,
            _ => (TaskEventKind?)null,
        };
        if (kind is null) return TrackingErrors.Invalid("kind", "kind 必须是 summons（约谈）或 bulletin（通报）。");
        if (input.OrganizationId is not { } organizationId) return TrackingErrors.Invalid("organizationId", "organizationId（责任单位）不能为空。");
        var note = input.Note?.Trim();
        if (note is { Length: > MaxNoteLength }) return TrackingErrors.Invalid("note", $"note（说明）不能超过 {MaxNoteLength} 个字符。");
        var assignment = await db.Assignments.AsNoTracking().Where(a => a.TaskId == taskId && a.OrganizationId == organizationId)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Organization!.Name, a.Organization.RegionId }).FirstOrDefaultAsync(ct);
        if (assignment is null) return TrackingErrors.Invalid("organizationId", "organizationId（责任单位）不是该任务的承担单位。");
        var key = $"{(kind == TaskEventKind.Summons ? "summons" : "bulletin")}:{assignment.Id}";
        if (await db.Set<TaskEvent>().AnyAsync(e => e.IdempotencyKey == key, ct))
            return TrackingErrors.Conflict($"{assignment.Name}已标记{kind.Value.Label()}。", "kind");

        var at = clock.GetUtcNow();
        var label = kind.Value.Label();
        // The timeline names who did it beside every entry (by display name); the summary says only what was done.
        var taskEvent = AddEvent(actor, at, taskId, assignment.Id, organizationId, kind.Value,
            $"{assignment.Name}被标记为{label}{(string.IsNullOrEmpty(note) ? "" : "：" + note)}", key, null, new { note });
        Audit(actor, SupervisionAuditActions.FlagSet, SupervisionAuditActions.TaskEntity, taskId, null, new { kind = label, organizationId, note });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return TrackingErrors.Conflict($"{assignment.Name}已标记{label}。", "kind");
        }
        var message = new NotificationMessage(kind == TaskEventKind.Summons ? NotificationKinds.Summons : NotificationKinds.Bulletin,
            $"{label}：{assignment.Name}", taskEvent.Summary, $"tasks/{taskId}/timeline", key);
        await center.NotifyOrganizationAsync(organizationId, message, at, ct);
        await center.NotifyRegionAdminsAsync(assignment.RegionId, message, at, ct);
        await outbox.EnqueueAsync(new WebhookEvent(key, message.Kind, at, message.Title, message.Body, message.Link,
            new System.Text.Json.Nodes.JsonObject { ["taskId"] = taskId, ["organizationId"] = organizationId }), ct);
        await tx.CommitAsync(ct);
        return TrackingOutcome<TaskEvent>.Ok(taskEvent);
    }

    /// <summary>An order's step on its task's timeline; an order on a 备案 has no task, and its audit entries are its history.</summary>
    private void AddOrderEvent(TrackingActor actor, DateTimeOffset at, SupervisionOrder order, TaskEventKind kind, string summary, string key, object payload)
    {
        if (order.TaskId is { } taskId) AddEvent(actor, at, taskId, order.AssignmentId, order.OrganizationId, kind, summary, key, order.Id, payload);
    }

    private TaskEvent AddEvent(TrackingActor actor, DateTimeOffset at, long taskId, long? assignmentId, long? organizationId, TaskEventKind kind,
        string summary, string key, long? orderId, object payload)
    {
        var e = new TaskEvent
        {
            TaskId = taskId, AssignmentId = assignmentId, OrganizationId = organizationId, Kind = kind, At = at, ActorId = actor.UserId,
            ActorName = actor.UserName, Summary = summary.Length > 500 ? summary[..500] : summary, Payload = SupervisionJson.ToJson(payload),
            IdempotencyKey = key, OrderId = orderId,
        };
        db.Add(e);
        return e;
    }

    private void Audit(TrackingActor actor, string action, string entityType, long entityId, object? before, object? after) =>
        audit.Add(new Actor(actor.UserId, actor.UserName, actor.RemoteAddress), action, entityType, entityId, before, after);

    private static string Day(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>A date set for the future (a reply, a rectification), refused past the plausible range: a typing slip, not a plan.</summary>
    private static TrackingError? TooFarAhead(DateOnly day, DateOnly today, string field, string name) =>
        day > PlausibleDates.Latest(today)
            ? TrackingErrors.Invalid(field, $"{field}（{name}）不能晚于 {PlausibleDates.Text(PlausibleDates.Latest(today))}。")
            : null;
}
