using Duban.Data.Audit;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tracking;

/// <summary>The changes an administrator may make to a plan's reporting cycle.</summary>
public sealed record CycleInput(PeriodKind? Kind, int? WindowDays, LateRule? LateRule, int? RefuseAfterDays);

/// <summary>A plan's reporting cycle and periods: the stored cycle or the default one, and the period records, created on first use.</summary>
public sealed class ReportingPeriods(DubanDbContext db, TimeProvider clock, AuditLog auditWriter)
{
    /// <summary>The plan's cycle; a plan without a stored one gets the default, with an empty version (its ETag before the first change).</summary>
    public async Task<ReportingCycle> CycleAsync(long planId, CancellationToken ct = default) =>
        await db.ReportingCycles.AsNoTracking().SingleOrDefaultAsync(c => c.PlanId == planId, ct)
        ?? new ReportingCycle { PlanId = planId, Version = Guid.Empty };

    /// <summary>
    /// The cycles of many plans in one query, each as <see cref="CycleAsync"/> gives it: an organisation's tasks lie in
    /// hundreds of plans, and a query per plan cost 我的任务 and the 工作台 ~100 ms (docs/benchmarks.md).
    /// </summary>
    public async Task<Dictionary<long, ReportingCycle>> CyclesAsync(IReadOnlyCollection<long> planIds, CancellationToken ct = default)
    {
        var ids = planIds.Distinct().ToList();
        var stored = await db.ReportingCycles.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.PlanId)).ToDictionaryAsync(c => c.PlanId, ct);
        return ids.ToDictionary(id => id, id => stored.GetValueOrDefault(id) ?? new ReportingCycle { PlanId = id, Version = Guid.Empty });
    }

    /// <summary>
    /// The stored period for the span, created when this is its first use. Two writers creating it at once meet at
    /// the unique index; the loser reads the winner's row.
    /// </summary>
    public async Task<Period> EnsureAsync(long planId, PeriodSpan span, CancellationToken ct = default)
    {
        var existing = await Find(planId, span).SingleOrDefaultAsync(ct);
        if (existing is not null) return existing;
        var period = Period.Of(planId, span);
        db.Periods.Add(period);
        try
        {
            await db.SaveChangesAsync(ct);
            return period;
        }
        catch (DbUpdateException) when (db.Database.CurrentTransaction is null)
        {
            db.Entry(period).State = EntityState.Detached;
            return await Find(planId, span).SingleAsync(ct);
        }
    }

    private IQueryable<Period> Find(long planId, PeriodSpan span) =>
        db.Periods.Where(p => p.PlanId == planId && p.Kind == span.Kind && p.Start == span.Start);

    /// <summary>
    /// Changes the plan's cycle (administrators; the caller checks the plan is in their scope). Periods already stored
    /// keep their kind, and the reports on them stay where they are; new reports use the new cycle.
    /// </summary>
    /// <param name="expectedVersion">The version the caller read (empty for the default cycle); null skips the check.</param>
    public async Task<TrackingOutcome<ReportingCycle>> UpdateCycleAsync(TrackingActor actor, long planId, Guid? expectedVersion, CycleInput input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以设置填报周期。");
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) return TrackingErrors.Invalid("kind", "请选择填报周期：monthly（每月）、quarterly（每季度）或 halfYearly（每半年）。");
        var window = input.WindowDays ?? ReportingCycle.DefaultWindowDays;
        if (window is < 0 or > ReportingCycle.MaxWindowDays) return TrackingErrors.Invalid("windowDays", $"windowDays（报送期限天数）必须在 0 到 {ReportingCycle.MaxWindowDays} 之间。");
        var rule = input.LateRule ?? LateRule.AcceptFlagged;
        if (!Enum.IsDefined(rule)) return TrackingErrors.Invalid("lateRule", "lateRule 必须是 acceptFlagged（接受并标记逾期）或 refuseAfter（逾期若干天后拒收）。");
        var refuseAfter = input.RefuseAfterDays ?? 0;
        if (refuseAfter is < 0 or > ReportingCycle.MaxWindowDays) return TrackingErrors.Invalid("refuseAfterDays", $"refuseAfterDays（逾期后仍接收的天数）必须在 0 到 {ReportingCycle.MaxWindowDays} 之间。");

        var cycle = await db.ReportingCycles.SingleOrDefaultAsync(c => c.PlanId == planId, ct);
        var currentVersion = cycle?.Version ?? Guid.Empty;
        if (expectedVersion is { } expected && expected != currentVersion) return TrackingErrors.StaleCopy();
        var before = cycle is null ? null : Snapshot(cycle);
        if (cycle is null)
        {
            cycle = new ReportingCycle { PlanId = planId };
            db.ReportingCycles.Add(cycle);
        }
        cycle.Kind = kind;
        cycle.WindowDays = window;
        cycle.LateRule = rule;
        cycle.RefuseAfterDays = rule == LateRule.RefuseAfter ? refuseAfter : 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            new TrackingAudit(auditWriter, clock).Add(actor, TrackingAuditActions.CycleUpdate, TrackingAuditActions.CycleEntity, cycle.Id, before, Snapshot(cycle));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            return TrackingErrors.StaleCopy();
        }
        return TrackingOutcome<ReportingCycle>.Ok(cycle);
    }

    private static object Snapshot(ReportingCycle c) => new { c.PlanId, c.Kind, c.WindowDays, c.LateRule, c.RefuseAfterDays };
}
