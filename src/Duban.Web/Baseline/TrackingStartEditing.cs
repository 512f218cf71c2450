using Duban.Data;
using Duban.Data.Audit;
using Duban.Data.Baseline;
using Duban.Web.Operations;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Baseline;

/// <summary>A plan's tracking start after a change, with the plan's new version (the ETag).</summary>
public sealed record TrackingStartView(long PlanId, DateOnly? TrackingStart, Guid Version);

/// <summary>The body of a tracking start change.</summary>
public sealed record TrackingStartChange(DateOnly? TrackingStart);

/// <summary>
/// Changes a plan's 跟踪起始日: administrators responsible for the plan only (others get 404, as for publishing),
/// with the version they read, audited with before and after.
/// </summary>
public sealed class TrackingStartEditing(DubanDbContext db, AuditLog audit)
{
    public const string Stale = "该计划在你读取之后已被修改，请刷新后重试。";

    public Task<bool> MayChangeAsync(DubanUser admin, long planId, CancellationToken ct) => db.Plans.ActionableBy(admin).AnyAsync(p => p.Id == planId, ct);

    public async Task<Outcome<TrackingStartView>> ChangeAsync(DubanUser admin, Actor actor, long id, Guid? expectedVersion, TrackingStartChange input, CancellationToken ct = default)
    {
        var plan = await db.Plans.ActionableBy(admin).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return Outcome<TrackingStartView>.NotFound("未找到该计划。");
        if (expectedVersion is { } expected && expected != plan.Version) return new OperationError(ErrorKind.PreconditionFailed, Stale);
        if (input.TrackingStart is not { } start) return Outcome<TrackingStartView>.Invalid("trackingStart", "trackingStart（跟踪起始日）不能为空，格式为 yyyy-MM-dd。");
        if (start.Year < 2000 || start.Year > 2100) return Outcome<TrackingStartView>.Invalid("trackingStart", "trackingStart（跟踪起始日）必须在 2000 年至 2100 年之间。");
        if (start == plan.TrackingStart) return Outcome<TrackingStartView>.Ok(new(plan.Id, plan.TrackingStart, plan.Version));

        var before = new { plan.TrackingStart };
        plan.TrackingStart = start;
        audit.Add(actor, BaselineAuditActions.TrackingStartChange, AuditEntities.Plan, plan.Id, before, new { plan.TrackingStart });
        if (!await db.SaveUnlessStaleAsync(ct)) return new OperationError(ErrorKind.PreconditionFailed, Stale);
        return Outcome<TrackingStartView>.Ok(new(plan.Id, plan.TrackingStart, plan.Version));
    }
}
