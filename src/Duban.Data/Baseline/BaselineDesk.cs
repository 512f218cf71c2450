using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Baseline;
using Duban.Data.Audit;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Baseline;

/// <summary>A baseline report as it is posted: the organisation (an administrator's choice; a reporter's own), the state, the new date for 推进中, a note.</summary>
public sealed record BaselineInput(long? OrganizationId, string? State, DateOnly? NewDate, string? Note);

/// <summary>
/// States a task's baseline (摸底) for one organisation: once, append-only, audited. A reporter states its own
/// organisation's; an administrator sets it for an organisation (the caller checks that organisation is in its scope).
/// </summary>
public sealed class BaselineDesk(DubanDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<TrackingOutcome<BaselineReport>> StateAsync(TrackingActor actor, long taskId, BaselineInput input, CancellationToken ct = default)
    {
        if (actor.Role is not (Role.Reporter or Role.Admin)) return new TrackingError(TrackingErrorKind.Forbidden, "只有填报员或管理员可以填报摸底情况。");
        if (ParseState(input.State) is not { } state)
            return TrackingErrors.Invalid("state", "state（当前状态）必须是 completed（已完成）、inProgress（推进中）或 notStarted（未开展）。");
        if (state == BaselineState.InProgress && input.NewDate is null)
            return TrackingErrors.Invalid("newDate", "newDate（新的完成时间）不能为空：推进中须给出新的完成时间。");
        if (state != BaselineState.InProgress && input.NewDate is not null)
            return TrackingErrors.Invalid("newDate", "newDate（新的完成时间）只在状态为推进中时填写。");
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note?.Length > BaselineReport.MaxNoteLength)
            return TrackingErrors.Invalid("note", $"note（说明）不能超过 {BaselineReport.MaxNoteLength} 个字符。");

        long organizationId;
        if (actor.Role == Role.Reporter)
        {
            // A reporter states its own organisation's, and another organisation's task is not found for it.
            if (actor.OrganizationId is not { } own || (input.OrganizationId is { } asked && asked != own)) return TrackingErrors.NotFound("未找到该任务。");
            organizationId = own;
        }
        else if (input.OrganizationId is { } chosen) organizationId = chosen;
        else return TrackingErrors.Invalid("organizationId", "organizationId（承担单位）不能为空：管理员须指明为哪个单位填报。");

        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId && t.RemovedInVersionId == null)
            .Select(t => new { t.Id, t.Due, TrackingStart = db.Plans.Where(p => p.Id == t.PlanId).Select(p => p.TrackingStart).First() })
            .SingleOrDefaultAsync(ct);
        if (task is null) return TrackingErrors.NotFound("未找到该任务。");
        if (!await db.Assignments.AnyAsync(a => a.TaskId == taskId && a.OrganizationId == organizationId, ct))
            return actor.Role == Role.Reporter
                ? TrackingErrors.NotFound("未找到该任务。")
                : TrackingErrors.Invalid("organizationId", "organizationId（承担单位）不是该任务的承担单位。");
        if (!BaselineRules.NeedsBaseline(task.Due, task.TrackingStart))
            return TrackingErrors.Conflict("该任务的完成时限不早于计划的跟踪起始日，无需摸底：按正常规则填报进展即可。", "state");
        if (await db.Set<BaselineReport>().AnyAsync(b => b.TaskId == taskId && b.OrganizationId == organizationId, ct))
            return TrackingErrors.Conflict("该单位已填报过该任务的摸底情况（只填报一次）；此后请通过进展报告更新。", "state");

        var report = new BaselineReport
        {
            TaskId = taskId, OrganizationId = organizationId, State = state, NewDate = input.NewDate, Note = note,
            StatedById = actor.UserId, StatedByName = actor.UserName, StatedByRole = actor.Role, StatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Add(report);
            await db.SaveChangesAsync(ct);
            audit.Add(new Actor(actor.UserId, actor.UserName, actor.RemoteAddress), BaselineAuditActions.ReportState, BaselineAuditActions.ReportEntity,
                report.Id, null, new { report.TaskId, report.OrganizationId, report.State, report.NewDate, report.Note });
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two statements raced: the unique index kept the first.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return TrackingErrors.Conflict("该单位已填报过该任务的摸底情况（只填报一次）；此后请通过进展报告更新。", "state");
        }
        await tx.CommitAsync(ct);
        return TrackingOutcome<BaselineReport>.Ok(report);
    }

    public static BaselineState? ParseState(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "completed" or "done" => BaselineState.Completed,
        "inprogress" or "in-progress" or "in_progress" => BaselineState.InProgress,
        "notstarted" or "not-started" or "not_started" => BaselineState.NotStarted,
        _ => null,
    };
}
