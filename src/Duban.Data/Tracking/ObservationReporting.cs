using Duban.Data.Audit;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tracking;

/// <summary>A value and what goes with it, as a reporter sends it.</summary>
public sealed record ObservationContent(decimal? Value, string? Note, IReadOnlyList<long>? EvidenceIds);

/// <summary>A new value: the target, the first day of the period, and the first revision's content.</summary>
public sealed record NewObservation(long? TargetId, DateOnly? PeriodStart, ObservationContent Content);

/// <summary>Who is responsible for a target's values.</summary>
public static class ObservationRules
{
    /// <summary>
    /// A task's target: every organisation assigned to the task (lead or cooperating). A plan-level target (no task):
    /// the government (人民政府) of the plan's region, and those of the regions below it, whose values can be summed into
    /// the region's (<see cref="TargetFigures"/>) — of a plan its reporters can read: published, or with a current task
    /// of the government's (a draft is the office's until it is published). Administrators never write values; they read them.
    /// </summary>
    public static async Task<bool> IsResponsibleAsync(DubanDbContext db, TaskTarget target, long organizationId, CancellationToken ct)
    {
        if (target.TaskId is { } taskId) return await db.Assignments.AnyAsync(a => a.TaskId == taskId && a.OrganizationId == organizationId, ct);
        return await db.Organizations.AnyAsync(o => o.Id == organizationId && o.Kind == OrganizationKind.Government && o.Region != null
                                                   && db.Plans.Any(p => p.Id == target.PlanId && p.Region != null && o.Region.Path.StartsWith(p.Region.Path)
                                                       && (p.Status == PlanStatus.Published
                                                           || db.Assignments.Any(a => a.OrganizationId == organizationId && a.Task!.PlanId == p.Id && a.Task.RemovedInVersionId == null))), ct);
    }
}

/// <summary>
/// Writes indicator values (指标值): one per target × organisation × period, each change a new revision, by a
/// reporter of a responsible organisation (see <see cref="ObservationRules"/>); audited.
/// </summary>
public sealed class ObservationReporting(DubanDbContext db, TimeProvider clock, AuditLog auditWriter)
{
    public const decimal MaxValue = 99_999_999_999_999m;

    private readonly TrackingAudit audit = new(auditWriter, clock);
    private readonly ReportingPeriods periods = new(db, clock, auditWriter);

    public async Task<TrackingOutcome<Observation>> CreateAsync(TrackingActor actor, NewObservation input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Reporter || actor.OrganizationId is not { } organizationId) return NotReporter();
        if (input.TargetId is not { } targetId) return TrackingErrors.Invalid("targetId", "请指定要填报的指标（targetId）。");
        var target = await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == targetId, ct);
        if (target is null || !await ObservationRules.IsResponsibleAsync(db, target, organizationId, ct))
            return TrackingErrors.NotFound("未找到本单位负责填报的该指标。");
        var cycle = await periods.CycleAsync(target.PlanId, ct);
        if (ProgressReporting.PeriodProblem(cycle, input.PeriodStart, ChinaCalendar.Today(clock.GetUtcNow())) is { } periodProblem) return periodProblem;
        var span = PeriodSpan.StartingOn(cycle.Kind, input.PeriodStart!.Value)!.Value;
        if (await ContentProblemAsync(input.Content, target, organizationId, ct) is { } problem) return problem;
        var period = await periods.EnsureAsync(target.PlanId, span, ct);
        if (await db.Observations.AnyAsync(o => o.TargetId == targetId && o.OrganizationId == organizationId && o.PeriodId == period.Id, ct))
            return Exists(span);

        var now = clock.GetUtcNow();
        var observation = new Observation { TargetId = targetId, OrganizationId = organizationId, PeriodId = period.Id, CreatedAt = now, RevisionCount = 1 };
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        try
        {
            db.Observations.Add(observation);
            await db.SaveChangesAsync(ct);
            var revision = NewRevision(observation.Id, 1, input.Content, actor, now);
            db.ObservationRevisions.Add(revision);
            await db.SaveChangesAsync(ct);
            observation.LatestRevisionId = revision.Id;
            audit.Add(actor, TrackingAuditActions.ObservationCreate, TrackingAuditActions.ObservationEntity, observation.Id, null, Snapshot(observation, revision));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Exists(span);
        }
        observation.Period = period;
        return TrackingOutcome<Observation>.Ok(observation);
    }

    public async Task<TrackingOutcome<Observation>> ReviseAsync(TrackingActor actor, long observationId, Guid? expectedVersion, ObservationContent content, CancellationToken ct = default)
    {
        if (actor.Role != Role.Reporter || actor.OrganizationId is not { } organizationId) return NotReporter();
        var observation = await db.Observations.Include(o => o.Period).SingleOrDefaultAsync(o => o.Id == observationId && o.OrganizationId == organizationId, ct);
        if (observation is null) return TrackingErrors.NotFound("未找到该指标值。");
        if (expectedVersion is { } expected && expected != observation.Version) return TrackingErrors.StaleCopy();
        var target = await db.Targets.AsNoTracking().SingleAsync(t => t.Id == observation.TargetId, ct);
        if (await ContentProblemAsync(content, target, organizationId, ct) is { } problem) return problem;

        var previous = await db.ObservationRevisions.AsNoTracking().Include(r => r.Evidence).SingleOrDefaultAsync(r => r.Id == observation.LatestRevisionId, ct);
        var revision = NewRevision(observation.Id, observation.RevisionCount + 1, content, actor, clock.GetUtcNow());
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        try
        {
            observation.RevisionCount = revision.Number;
            db.ObservationRevisions.Add(revision);
            await db.SaveChangesAsync(ct);
            observation.LatestRevisionId = revision.Id;
            audit.Add(actor, TrackingAuditActions.ObservationRevise, TrackingAuditActions.ObservationEntity, observation.Id,
                previous is null ? null : Snapshot(observation, previous), Snapshot(observation, revision));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return TrackingOutcome<Observation>.Ok(observation);
        }
        catch (DbUpdateException)
        {
            return TrackingErrors.StaleCopy();
        }
    }

    private async Task<TrackingError?> ContentProblemAsync(ObservationContent content, TaskTarget target, long organizationId, CancellationToken ct)
    {
        if (content.Value is not { } value) return TrackingErrors.Invalid("value", "请填写指标值（value）。");
        if (value < 0 || value > MaxValue) return TrackingErrors.Invalid("value", "指标值（value）必须是不小于 0 的数。");
        if (decimal.Round(value, 4) != value) return TrackingErrors.Invalid("value", "指标值（value）最多保留 4 位小数。");
        if (content.Note is { Length: > ObservationRevision.MaxNoteLength }) return TrackingErrors.Invalid("note", $"说明（note）不能超过 {ObservationRevision.MaxNoteLength} 个字符。");
        var ids = (content.EvidenceIds ?? []).Distinct().ToList();
        if (ids.Count > 0)
        {
            var found = await db.Evidence.CountAsync(e => ids.Contains(e.Id) && e.OrganizationId == organizationId && e.PlanId == target.PlanId && e.TaskId == target.TaskId, ct);
            if (found != ids.Count) return TrackingErrors.Invalid("evidenceIds", "evidenceIds 中有佐证材料不存在，或不是本单位为该指标上传的。");
        }
        return null;
    }

    private static ObservationRevision NewRevision(long observationId, int number, ObservationContent content, TrackingActor actor, DateTimeOffset now) => new()
    {
        ObservationId = observationId,
        Number = number,
        Value = content.Value!.Value,
        Note = content.Note?.Trim() ?? "",
        AuthorId = actor.UserId,
        AuthorName = actor.UserName,
        CreatedAt = now,
        Evidence = (content.EvidenceIds ?? []).Distinct().Select(id => new ObservationRevisionEvidence { EvidenceId = id }).ToList(),
    };

    private static object Snapshot(Observation o, ObservationRevision r) => new
    {
        o.TargetId, o.OrganizationId, o.PeriodId, Revision = r.Number, r.Value, r.Note, EvidenceIds = r.Evidence.Select(e => e.EvidenceId).Order().ToList(),
    };

    private static TrackingError Exists(PeriodSpan span) =>
        TrackingErrors.Conflict($"本单位该指标 {span.Label} 的值已填报，请在原记录上修改。", "periodStart");

    private static TrackingError NotReporter() =>
        new(TrackingErrorKind.Forbidden, "只有负责该指标的单位的填报员可以填报指标值，管理员不能代为填报。");
}
