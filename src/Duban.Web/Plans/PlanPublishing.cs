using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Web.Operations;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Plans;

/// <summary>What a plan's status change answers: the new status and the plan's new version (the ETag).</summary>
public sealed record PlanStatusView(long Id, PlanStatus Status, Guid Version);

/// <summary>
/// Publishes, withdraws and archives plans. Only administrators, and only plans of their data scope: a plan of the
/// region they administer (or below), or any plan with scope 全部. Publishing makes the plan readable by anonymous
/// visitors; archiving keeps it readable where it was but marks it as no longer running. Publishing tells the
/// organisations of its tasks (<see cref="AssignmentNotices"/>), in the same transaction.
/// </summary>
public sealed class PlanPublishing(DubanDbContext db, AuditLog audit, TimeProvider time, AssignmentNotices notices)
{
    public static string Describe(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "草稿",
        PlanStatus.Published => "已发布",
        PlanStatus.Archived => "已归档",
        _ => status.ToString(),
    };

    /// <summary>The plans <paramref name="admin"/> may change (<see cref="Responsibility"/>); empty for anyone else.</summary>
    public IQueryable<Plan> Writable(DubanUser admin) => db.Plans.ActionableBy(admin);

    public async Task<Outcome<PlanStatusView>> ChangeStatusAsync(DubanUser admin, Actor actor, long id, Guid? expectedVersion, string? status, CancellationToken ct = default)
    {
        var plan = await Writable(admin).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return Outcome<PlanStatusView>.NotFound("未找到该计划。");
        if (expectedVersion is { } expected && expected != plan.Version)
            return new OperationError(ErrorKind.PreconditionFailed, "该计划在你读取之后已被修改，请刷新后重试。");
        if (string.IsNullOrWhiteSpace(status) || int.TryParse(status, out _)
            || !Enum.TryParse<PlanStatus>(status.Trim(), ignoreCase: true, out var next) || !Enum.IsDefined(next))
            return Outcome<PlanStatusView>.Invalid("status", "status（状态）必须是 draft（草稿）、published（已发布）或 archived（已归档）。");
        if (next == plan.Status) return Outcome<PlanStatusView>.Ok(new(plan.Id, plan.Status, plan.Version));

        var before = new { plan.Status, plan.TrackingStart };
        plan.Status = next;
        // Tracking starts when the plan is first published: deadlines already past then wait for a baseline (待摸底).
        if (next == PlanStatus.Published && plan.TrackingStart is null) plan.TrackingStart = Core.Tracking.Status.TrackingDay.Today(time);
        audit.Add(actor, AuditActions.PlanStatusChange, AuditEntities.Plan, plan.Id, before, new { plan.Status, plan.TrackingStart });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.SaveUnlessStaleAsync(ct)) return new OperationError(ErrorKind.PreconditionFailed, "该计划在你读取之后已被修改，请刷新后重试。");
        if (next == PlanStatus.Published) await notices.PlanPublishedAsync(plan.Id, time.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
        return Outcome<PlanStatusView>.Ok(new(plan.Id, plan.Status, plan.Version));
    }
}
