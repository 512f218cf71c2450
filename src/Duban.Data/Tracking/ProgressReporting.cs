using Duban.Data.Audit;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tracking;

/// <summary>The content of a report revision, as a reporter sends it.</summary>
public sealed record ReportContent(ProgressState? State, int? PercentComplete, string? Done, string? Problems, string? NextSteps, IReadOnlyList<long>? EvidenceIds);

/// <summary>A new report: the assignment, the first day of the period, and the first revision's content.</summary>
public sealed record NewReport(long? AssignmentId, DateOnly? PeriodStart, ReportContent Content);

/// <summary>The office's verdict: approve, or return with a comment.</summary>
public sealed record ReviewInput(ReviewDecision? Decision, string? Comment);

/// <summary>
/// Writes progress reports: create, revise (a new revision each time, never an update of content), submit, review.
/// Reports are written only by a reporter of the assignment's organisation; reviews only by an administrator. The
/// caller checks the data scope of reads and of reviews (a report outside it is not found); every write is audited in
/// its own transaction. A review tells the organisation's reporters (<see cref="ReviewNotices"/>) in the same transaction.
/// </summary>
/// <param name="center">The notification centre of the same context; by default one without a public base URL for forwarded links.</param>
/// <param name="outbox">The webhook outbox of the same context; likewise.</param>
public sealed class ProgressReporting(DubanDbContext db, TimeProvider clock, AuditLog auditWriter,
    Notifications.NotificationCenter? center = null, Notifications.WebhookOutbox? outbox = null)
{
    private readonly TrackingAudit audit = new(auditWriter, clock);
    private readonly ReviewNotices notices = new(db, center ?? new Notifications.NotificationCenter(db),
        outbox ?? new Notifications.WebhookOutbox(db, new Notifications.WebhookOptions()));
    private readonly ReportingPeriods periods = new(db, clock, auditWriter);

    public async Task<TrackingOutcome<ProgressReport>> CreateAsync(TrackingActor actor, NewReport input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Reporter) return NotReporter();
        if (input.AssignmentId is not { } assignmentId) return TrackingErrors.Invalid("assignmentId", "请指定要填报的任务分工（assignmentId）。");
        var assignment = await db.Assignments.AsNoTracking().Include(a => a.Task).SingleOrDefaultAsync(a => a.Id == assignmentId, ct);
        // Another organisation's assignment is as unknown to this reporter as one that does not exist.
        if (assignment is null || !actor.ReportsFor(assignment.OrganizationId)) return TrackingErrors.NotFound("未找到本单位承担的该任务分工。");
        var task = assignment.Task!;

        var cycle = await periods.CycleAsync(task.PlanId, ct);
        if (PeriodProblem(cycle, input.PeriodStart, ChinaCalendar.Today(clock.GetUtcNow())) is { } periodProblem) return periodProblem;
        if (await ContentProblemAsync(input.Content, task.Id, task.Ongoing, assignment.OrganizationId, ct) is { } contentProblem) return contentProblem;
        var span = PeriodSpan.StartingOn(cycle.Kind, input.PeriodStart!.Value)!.Value;
        var period = await periods.EnsureAsync(task.PlanId, span, ct);
        if (await db.ProgressReports.AnyAsync(r => r.AssignmentId == assignmentId && r.PeriodId == period.Id, ct))
            return TrackingErrors.Conflict($"本单位该任务 {span.Label} 的进展已填报，请在原报告上修改。", "periodStart");

        var now = clock.GetUtcNow();
        var report = new ProgressReport { AssignmentId = assignmentId, PeriodId = period.Id, CreatedAt = now, RevisionCount = 1 };
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        try
        {
            db.ProgressReports.Add(report);
            await db.SaveChangesAsync(ct);
            var revision = NewRevision(report.Id, 1, input.Content, actor, now);
            db.ReportRevisions.Add(revision);
            await db.SaveChangesAsync(ct);
            report.LatestRevisionId = revision.Id;
            audit.Add(actor, TrackingAuditActions.ReportCreate, TrackingAuditActions.ReportEntity, report.Id, null, Snapshot(report, revision));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (assignment, period): another request created it meanwhile.
            return TrackingErrors.Conflict($"本单位该任务 {span.Label} 的进展已填报，请在原报告上修改。", "periodStart");
        }
        report.Period = period;
        return TrackingOutcome<ProgressReport>.Ok(report);
    }

    /// <param name="expectedVersion">The report version the reporter read (If-Match); null skips the check.</param>
    public async Task<TrackingOutcome<ProgressReport>> ReviseAsync(TrackingActor actor, long reportId, Guid? expectedVersion, ReportContent content, CancellationToken ct = default)
    {
        if (actor.Role != Role.Reporter) return NotReporter();
        var report = await LoadOwnAsync(actor, reportId, ct);
        if (report is null) return NotFound();
        if (expectedVersion is { } expected && expected != report.Version) return TrackingErrors.StaleCopy();
        if (!report.Editable) return NotEditable(report);
        var task = report.Assignment!.Task!;
        if (await ContentProblemAsync(content, task.Id, task.Ongoing, report.Assignment.OrganizationId, ct) is { } problem) return problem;

        var before = await LatestSnapshotAsync(report, ct);
        var revision = NewRevision(report.Id, report.RevisionCount + 1, content, actor, clock.GetUtcNow());
        return await AppendAsync(report, revision, () =>
            audit.Add(actor, TrackingAuditActions.ReportRevise, TrackingAuditActions.ReportEntity, report.Id, before, Snapshot(report, revision)), ct);
    }

    public async Task<TrackingOutcome<ProgressReport>> SubmitAsync(TrackingActor actor, long reportId, Guid? expectedVersion, CancellationToken ct = default)
    {
        if (actor.Role != Role.Reporter) return NotReporter();
        var report = await LoadOwnAsync(actor, reportId, ct);
        if (report is null) return NotFound();
        if (expectedVersion is { } expected && expected != report.Version) return TrackingErrors.StaleCopy();
        if (!report.Submittable) return NotEditable(report);

        var before = new { report.Status, report.SubmittedAt, report.Late };
        var now = clock.GetUtcNow();
        if (report.SubmittedAt is null)
        {
            var cycle = await periods.CycleAsync(report.Assignment!.Task!.PlanId, ct);
            var period = report.Period!.Span;
            switch (cycle.Judge(period, ChinaCalendar.Today(now)))
            {
                case Timeliness.Refused:
                    return TrackingErrors.Conflict(
                        $"{period.Label}的报送期限已于 {cycle.WindowCloses(period):yyyy-MM-dd} 截止，逾期超过 {cycle.RefuseAfterDays} 天不再接收，请联系牵头部门。");
                case Timeliness.Late:
                    report.Late = true;
                    break;
            }
            report.SubmittedAt = now;
        }
        // The revision the office will read carries its own submission time: the report's SubmittedAt is the first
        // submission only, and a revision resubmitted after a return keeps the time it was first sent.
        var revision = await db.ReportRevisions.SingleAsync(v => v.Id == report.LatestRevisionId, ct);
        revision.SubmittedAt ??= now;
        report.Status = ReportStatus.Submitted;
        audit.Add(actor, TrackingAuditActions.ReportSubmit, TrackingAuditActions.ReportEntity, report.Id, before,
            new { report.Status, report.SubmittedAt, report.Late, report.LatestRevisionId, RevisionSubmittedAt = revision.SubmittedAt });
        return await SaveAsync(report, ct);
    }

    /// <summary>Approves (locks) or returns a submitted report. The caller has checked the report is in the administrator's scope.</summary>
    public async Task<TrackingOutcome<ProgressReport>> ReviewAsync(TrackingActor actor, long reportId, Guid? expectedVersion, ReviewInput input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员（牵头部门）可以审核进展报告。");
        var report = await db.ProgressReports.Include(r => r.Period).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null) return NotFound();
        if (expectedVersion is { } expected && expected != report.Version) return TrackingErrors.StaleCopy();
        if (input.Decision is not { } decision || !Enum.IsDefined(decision)) return TrackingErrors.Invalid("decision", "请选择审核结果：approved（通过）或 returned（退回）。");
        var comment = input.Comment?.Trim();
        if (decision == ReviewDecision.Returned && string.IsNullOrEmpty(comment)) return TrackingErrors.Invalid("comment", "退回时必须填写退回意见（comment），说明需要修改的内容。");
        if (comment is { Length: > Review.MaxCommentLength }) return TrackingErrors.Invalid("comment", $"审核意见不能超过 {Review.MaxCommentLength} 个字符。");
        if (report.Status != ReportStatus.Submitted)
            return TrackingErrors.Conflict(report.Status == ReportStatus.Approved ? "该报告已审核通过，不能再次审核。" : "该报告尚未提交，不能审核。");

        var before = new { report.Status };
        var review = new Review
        {
            ReportId = report.Id, RevisionId = report.LatestRevisionId!.Value, Decision = decision, Comment = string.IsNullOrEmpty(comment) ? null : comment,
            ReviewerId = actor.UserId, ReviewerName = actor.UserName, At = clock.GetUtcNow(),
        };
        db.Reviews.Add(review);
        report.Status = decision == ReviewDecision.Approved ? ReportStatus.Approved : ReportStatus.Returned;
        audit.Add(actor, TrackingAuditActions.ReportReview, TrackingAuditActions.ReportEntity, report.Id, before,
            new { report.Status, review.Decision, review.Comment, review.RevisionId });
        // The review and the reporters' notifications commit together: a review nobody hears of would not close the loop.
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var saved = await SaveAsync(report, ct);
        if (saved.Error is not null) return saved;
        await notices.SendAsync(report, review, review.At, ct);
        await tx.CommitAsync(ct);
        return saved;
    }

    /// <summary>Why a report or value cannot be filed for the period starting on the day: none given, an absurd date, not a first day of the plan's cycle, not begun.</summary>
    internal static TrackingError? PeriodProblem(ReportingCycle cycle, DateOnly? start, DateOnly today)
    {
        if (start is not { } day) return TrackingErrors.Invalid("periodStart", "请指定填报周期的第一天（periodStart，yyyy-MM-dd）。");
        if (!PlausibleDates.Contains(day, today)) return TrackingErrors.Invalid("periodStart", PlausibleDates.OutOfRange("periodStart（填报周期的第一天）", today));
        if (PeriodSpan.StartingOn(cycle.Kind, day) is not { } span)
            return TrackingErrors.Invalid("periodStart", $"periodStart 必须是该计划填报周期（{Describe(cycle.Kind)}）的第一天，例如 {PeriodSpan.Containing(cycle.Kind, day).Start:yyyy-MM-dd}。");
        if (span.Start > today) return TrackingErrors.Invalid("periodStart", $"{span.Label}尚未开始，不能填报。");
        return null;
    }

    internal static string Describe(PeriodKind kind) => kind switch
    {
        PeriodKind.Monthly => "每月",
        PeriodKind.Quarterly => "每季度",
        _ => "每半年",
    };

    private async Task<TrackingError?> ContentProblemAsync(ReportContent content, long taskId, bool ongoing, long organizationId, CancellationToken ct)
    {
        if (content.State is not { } state || !Enum.IsDefined(state))
            return TrackingErrors.Invalid("state", "请选择进展状态：notStarted（未启动）、inProgress（推进中）、completed（已完成）或 ongoing（长期推进）。");
        if (content.PercentComplete is { } percent)
        {
            if (percent is < 0 or > 100) return TrackingErrors.Invalid("percentComplete", "percentComplete（完成百分比）必须在 0 到 100 之间。");
            if (ongoing) return TrackingErrors.Invalid("percentComplete", "长期坚持的任务不填完成百分比（percentComplete）。");
        }
        foreach (var (field, text, name) in new[] { ("done", content.Done, "工作进展"), ("problems", content.Problems, "存在问题"), ("nextSteps", content.NextSteps, "下一步计划") })
            if (text is { Length: > ReportRevision.MaxTextLength }) return TrackingErrors.Invalid(field, $"{name}（{field}）不能超过 {ReportRevision.MaxTextLength} 个字符。");
        if (state == ProgressState.Completed && string.IsNullOrWhiteSpace(content.Done))
            return TrackingErrors.Invalid("done", "状态为已完成时，请填写完成情况（done）。");
        var ids = content.EvidenceIds ?? [];
        if (ids.Count > 0)
        {
            var distinct = ids.Distinct().ToList();
            var found = await db.Evidence.CountAsync(e => distinct.Contains(e.Id) && e.TaskId == taskId && e.OrganizationId == organizationId, ct);
            if (found != distinct.Count) return TrackingErrors.Invalid("evidenceIds", "evidenceIds 中有佐证材料不存在，或不是本单位为该任务上传的。");
        }
        return null;
    }

    private static ReportRevision NewRevision(long reportId, int number, ReportContent content, TrackingActor actor, DateTimeOffset now) => new()
    {
        ReportId = reportId,
        Number = number,
        State = content.State!.Value,
        PercentComplete = content.PercentComplete,
        Done = content.Done?.Trim() ?? "",
        Problems = content.Problems?.Trim() ?? "",
        NextSteps = content.NextSteps?.Trim() ?? "",
        AuthorId = actor.UserId,
        AuthorName = actor.UserName,
        CreatedAt = now,
        Evidence = (content.EvidenceIds ?? []).Distinct().Select(id => new ReportRevisionEvidence { EvidenceId = id }).ToList(),
    };

    /// <summary>
    /// Stores a revision and moves the report to it, in one transaction. The report's UPDATE checks its version and the
    /// revision number is unique per report, so of two writers who read the same version one wins and the other gets
    /// a stale error with nothing stored.
    /// </summary>
    private async Task<TrackingOutcome<ProgressReport>> AppendAsync(ProgressReport report, ReportRevision revision, Action auditEntry, CancellationToken ct)
    {
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        try
        {
            report.RevisionCount = revision.Number;
            db.ReportRevisions.Add(revision);
            await db.SaveChangesAsync(ct);
            report.LatestRevisionId = revision.Id;
            auditEntry();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return TrackingOutcome<ProgressReport>.Ok(report);
        }
        catch (DbUpdateException)
        {
            return TrackingErrors.StaleCopy();
        }
    }

    private async Task<TrackingOutcome<ProgressReport>> SaveAsync(ProgressReport report, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return TrackingOutcome<ProgressReport>.Ok(report);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TrackingErrors.StaleCopy();
        }
    }

    private async Task<ProgressReport?> LoadOwnAsync(TrackingActor actor, long reportId, CancellationToken ct)
    {
        var report = await db.ProgressReports.Include(r => r.Period).Include(r => r.Assignment).ThenInclude(a => a!.Task)
            .SingleOrDefaultAsync(r => r.Id == reportId, ct);
        return report is not null && actor.ReportsFor(report.Assignment!.OrganizationId) ? report : null;
    }

    private async Task<object?> LatestSnapshotAsync(ProgressReport report, CancellationToken ct)
    {
        var latest = await db.ReportRevisions.AsNoTracking().Include(r => r.Evidence).SingleOrDefaultAsync(r => r.Id == report.LatestRevisionId, ct);
        return latest is null ? null : Snapshot(report, latest);
    }

    private static object Snapshot(ProgressReport report, ReportRevision revision) => new
    {
        report.AssignmentId, report.PeriodId, report.Status, Revision = revision.Number, revision.State, revision.PercentComplete,
        revision.Done, revision.Problems, revision.NextSteps, EvidenceIds = revision.Evidence.Select(e => e.EvidenceId).Order().ToList(),
    };

    private static TrackingError NotReporter() =>
        new(TrackingErrorKind.Forbidden, "只有承担该任务的单位的填报员可以填报进展，管理员不能代为填报。");

    private static TrackingError NotFound() => TrackingErrors.NotFound("未找到该进展报告。");

    private static TrackingError NotEditable(ProgressReport report) => TrackingErrors.Conflict(report.Status switch
    {
        ReportStatus.Submitted => "该报告已提交，正在等待审核；退回后才能修改。",
        ReportStatus.Approved => "该报告已审核通过并锁定，不能再修改。",
        _ => "该报告还没有内容，不能提交。",
    });
}
