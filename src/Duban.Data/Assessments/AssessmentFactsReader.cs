using Duban.Core.Cascade;
using Duban.Core.Assessments;
using Duban.Core.Plans;
using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Baseline;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Duban.Core.Tracking.Supervision;
using Duban.Data.Baseline;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Data.Assessments;

/// <summary>Which plans' work an assessment looks at: one plan, or every published plan of a region and the regions below it.</summary>
public sealed record AssessmentScope(long RegionId, long? PlanId);

/// <summary>
/// Reads the facts of an assessment (<see cref="AssessmentFacts"/>) from the database, as they stood on the
/// assessment day: a report counts as submitted, approved or returned only if that happened by then, a value only if
/// its period had ended and it was saved by then, a 督办单 reply or closing likewise. So a computation for a past year
/// gives the same facts whenever it runs, and one for the running year moves only with the data. Every read is one
/// set-based query over all assessed organisations; nothing is decided here that the pure rules decide.
/// </summary>
public sealed class AssessmentFactsReader(DubanDbContext db)
{
    public async Task<AssessmentFacts> ReadAsync(AssessmentScope scope, IReadOnlyList<long> organizationIds, long? assessmentId, int year, DateOnly asOf, CancellationToken ct = default)
    {
        var yearStart = new DateOnly(year, 1, 1);
        var orgIds = organizationIds.Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => EF.Parameter(orgIds).Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Kind, o.RegionId }).ToDictionaryAsync(o => o.Id, ct);

        var plans = await PlansAsync(scope, ct);
        var planIds = plans.Keys.ToList();
        var cycles = await db.ReportingCycles.AsNoTracking().Where(c => EF.Parameter(planIds).Contains(c.PlanId)).ToDictionaryAsync(c => c.PlanId, ct);
        ReportingCycle CycleOf(long plan) => cycles.GetValueOrDefault(plan) ?? ReportingCycle.Default(plan);

        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => EF.Parameter(orgIds).Contains(a.OrganizationId) && EF.Parameter(planIds).Contains(a.Task!.PlanId) && a.Task.RemovedInVersionId == null)
            .Select(a => new
            {
                a.Id, a.TaskId, a.OrganizationId, a.Role,
                a.Task!.PlanId, a.Task.No, a.Task.Text, a.Task.Due, a.Task.Start, a.Task.Ongoing, a.Task.Recurrence,
            })
            .ToListAsync(ct);
        var assignmentIds = assignments.Select(a => a.Id).ToList();
        TaskRef Ref(long taskId, string no, string text, long planId) => new(taskId, no, text, plans[planId].Title);

        var periods = await db.Periods.AsNoTracking().Where(p => EF.Parameter(planIds).Contains(p.PlanId))
            .Select(p => new { p.Id, p.PlanId, p.Kind, p.Start, p.End }).ToListAsync(ct);
        var periodById = periods.ToDictionary(p => p.Id);
        var periodId = periods.ToDictionary(p => (p.PlanId, p.Kind, p.Start), p => p.Id);

        var reports = await db.ProgressReports.AsNoTracking().Where(r => EF.Parameter(assignmentIds).Contains(r.AssignmentId))
            .Select(r => new { r.Id, r.AssignmentId, r.PeriodId, r.SubmittedAt, r.Late }).ToListAsync(ct);
        var reportIds = reports.Select(r => r.Id).ToList();
        var reviews = await db.Reviews.AsNoTracking().Where(v => EF.Parameter(reportIds).Contains(v.ReportId))
            .Select(v => new { v.Id, v.ReportId, v.RevisionId, v.Decision, v.At }).ToListAsync(ct);
        // Only what happened by the assessment day.
        reviews = reviews.Where(v => Day(v.At) <= asOf).ToList();
        var approvedRevisionIds = reviews.Where(v => v.Decision == ReviewDecision.Approved).Select(v => v.RevisionId).Distinct().ToList();
        var revisions = await db.ReportRevisions.AsNoTracking().Where(v => EF.Parameter(approvedRevisionIds).Contains(v.Id))
            .Select(v => new { v.Id, v.State, v.PercentComplete, v.SubmittedAt, v.CreatedAt }).ToDictionaryAsync(v => v.Id, ct);
        var reviewsByReport = reviews.ToLookup(v => v.ReportId);
        var reportsByAssignment = reports.ToLookup(r => r.AssignmentId);
        var submittedBy = reports.Where(r => r.SubmittedAt is { } s && Day(s) <= asOf)
            .ToDictionary(r => (r.AssignmentId, r.PeriodId), r => (Day(r.SubmittedAt!.Value), r.Late, r.Id));

        var taskIds = assignments.Select(a => a.TaskId).Distinct().ToList();
        var baselines = await BaselineStatements.ForTasksAsync(db, taskIds, ct);

        // The latest report approved by the assessment day, per assignment: the one of the latest period.
        ApprovedReport? Approved(long assignmentId)
        {
            var best = reportsByAssignment[assignmentId]
                .Select(r => new { Report = r, Review = reviewsByReport[r.Id].Where(v => v.Decision == ReviewDecision.Approved).MaxBy(v => v.At) })
                .Where(x => x.Review is not null && revisions.ContainsKey(x.Review.RevisionId))
                .OrderByDescending(x => periodById[x.Report.PeriodId].Start).ThenByDescending(x => x.Report.Id)
                .FirstOrDefault();
            if (best is null) return null;
            var revision = revisions[best.Review!.RevisionId];
            return new ApprovedReport(Map(revision.State), revision.PercentComplete, Day(revision.SubmittedAt ?? revision.CreatedAt));
        }

        var facts = new Dictionary<long, Builder>();
        foreach (var id in orgIds.Where(organizations.ContainsKey)) facts[id] = new Builder(id, organizations[id].Name);

        foreach (var a in assignments)
        {
            var plan = plans[a.PlanId];
            var cycle = CycleOf(a.PlanId);
            var since = Day(plan.CreatedAt);
            var task = Ref(a.TaskId, a.No, a.Text, a.PlanId);
            var ongoing = a.Ongoing || (a.Due is null && a.Recurrence is not null);
            var latest = Approved(a.Id);
            var lastClosed = AssessmentPeriods.LastClosed(cycle, since, asOf) is { } last
                ? periodId.TryGetValue((a.PlanId, last.Kind, last.Start), out var lastId) && submittedBy.ContainsKey((a.Id, lastId)) ? ClosedPeriodReport.Reported : ClosedPeriodReport.Missing
                : ClosedPeriodReport.NoClosedPeriod;
            var statement = baselines.GetValueOrDefault((a.TaskId, a.OrganizationId)) is { } s && s.StatedOn <= asOf ? s : null;
            var baseline = BaselineRules.Standing(a.Due, plan.TrackingStart, statement);
            var builder = facts[a.OrganizationId];
            builder.Assignments.Add(new AssignmentFact(task, new AssignmentFacts(a.Id, a.Role, a.Due, ongoing, latest, lastClosed, baseline)));

            if (a.Role == UnitRole.Lead && !baseline.AwaitingBaseline)
            {
                var completedOn = latest is { State: ReportedState.Completed } done ? done.SubmittedOn : (DateOnly?)null;
                foreach (var period in AssessmentPeriods.Counted(cycle, since, year, asOf, completedOn))
                {
                    // A task owes nothing for the periods before it starts.
                    if (a.Start is { } start && period.End < start) continue;
                    var closes = cycle.WindowCloses(period);
                    if (periodId.TryGetValue((a.PlanId, period.Kind, period.Start), out var pid) && submittedBy.TryGetValue((a.Id, pid), out var submission))
                        builder.PeriodReports.Add(new PeriodReportFact(task, period, closes, submission.Late ? ReportTiming.Late : ReportTiming.OnTime, submission.Id, submission.Item1));
                    else
                        builder.PeriodReports.Add(new PeriodReportFact(task, period, closes, ReportTiming.Missing, null, null));
                }
            }

            foreach (var report in reportsByAssignment[a.Id])
            {
                if (report.SubmittedAt is not { } first || Day(first) < yearStart || Day(first) > asOf) continue;
                var decided = reviewsByReport[report.Id].ToList();
                if (decided.Count == 0) continue;
                var period = periodById[report.PeriodId];
                builder.ReviewedReports.Add(new ReviewedReportFact(report.Id, task, new PeriodSpan(period.Kind, period.Start, period.End),
                    decided.Count(v => v.Decision == ReviewDecision.Returned), decided.Any(v => v.Decision == ReviewDecision.Approved)));
            }
        }

        await AddTargetsAsync(facts, organizations.ToDictionary(o => o.Key, o => (o.Value.Kind, o.Value.RegionId)), assignments.Where(a => a.Role == UnitRole.Lead)
            .Select(a => (a.OrganizationId, a.TaskId, Task: Ref(a.TaskId, a.No, a.Text, a.PlanId), a.Due)).ToList(), plans, periodById.ToDictionary(p => p.Key, p => p.Value.End), CycleOf, asOf, ct);
        await AddOrdersAndFlagsAsync(facts, orgIds, planIds, plans, yearStart, asOf, ct);
        if (assessmentId is { } assessment) await AddEntriesAsync(facts, assessment, ct);

        return new AssessmentFacts(year, asOf, [.. facts.Values.OrderBy(b => b.OrganizationId).Select(b => b.Build())]);
    }

    private sealed record PlanInfo(string Title, DateTimeOffset CreatedAt, DateOnly? TrackingStart, long? RegionId);

    private async Task<Dictionary<long, PlanInfo>> PlansAsync(AssessmentScope scope, CancellationToken ct)
    {
        var published = db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.Published || p.Status == PlanStatus.Archived);
        if (scope.PlanId is { } planId) published = published.Where(p => p.Id == planId);
        else
        {
            var path = await db.Regions.Where(r => r.Id == scope.RegionId).Select(r => r.Path).SingleAsync(ct);
            published = published.Where(p => p.Region != null && p.Region.Path.StartsWith(path));
        }
        return await published.Select(p => new { p.Id, p.Title, p.CreatedAt, p.TrackingStart, p.RegionId })
            .ToDictionaryAsync(p => p.Id, p => new PlanInfo(p.Title, p.CreatedAt, p.TrackingStart, p.RegionId), ct);
    }

    /// <summary>
    /// The targets of the tasks an organisation leads, and the plan-level targets of the plans filed under the region of
    /// a 人民政府 (the government answers for its region's goals); with the organisation's own values.
    /// </summary>
    private async Task AddTargetsAsync(Dictionary<long, Builder> facts, Dictionary<long, (Duban.Core.Organizations.OrganizationKind Kind, long RegionId)> organizations,
        List<(long OrganizationId, long TaskId, TaskRef Task, DateOnly? Due)> leads, Dictionary<long, PlanInfo> plans, Dictionary<long, DateOnly> periodEnds,
        Func<long, ReportingCycle> cycleOf, DateOnly asOf, CancellationToken ct)
    {
        var taskIds = leads.Select(l => l.TaskId).Distinct().ToList();
        var planIds = plans.Keys.ToList();
        var targets = await db.Targets.AsNoTracking()
            .Where(t => (t.TaskId != null && EF.Parameter(taskIds).Contains(t.TaskId.Value)) || (t.TaskId == null && EF.Parameter(planIds).Contains(t.PlanId)))
            .ToListAsync(ct);
        var owners = new List<(long OrganizationId, TaskTarget Target, TaskRef? Task, DateOnly? Due)>();
        var leadsByTask = leads.ToLookup(l => l.TaskId);
        foreach (var target in targets)
        {
            if (target.TaskId is { } taskId)
                owners.AddRange(leadsByTask[taskId].Select(l => (l.OrganizationId, target, (TaskRef?)l.Task, l.Due)));
            else
                owners.AddRange(organizations.Where(o => o.Value.Kind == Duban.Core.Organizations.OrganizationKind.Government && o.Value.RegionId == plans[target.PlanId].RegionId)
                    .Select(o => (o.Key, target, (TaskRef?)null, (DateOnly?)null)));
        }
        if (owners.Count == 0) return;

        var targetIds = owners.Select(o => o.Target.Id).Distinct().ToList();
        var ownerIds = owners.Select(o => o.OrganizationId).Distinct().ToList();
        var values = await db.Observations.AsNoTracking()
            .Where(o => EF.Parameter(targetIds).Contains(o.TargetId) && EF.Parameter(ownerIds).Contains(o.OrganizationId))
            .Select(o => new { o.Id, o.TargetId, o.OrganizationId, o.PeriodId }).ToListAsync(ct);
        var observationIds = values.Select(v => v.Id).ToList();
        // The value each had on the assessment day: its latest revision saved by then.
        var revisions = (await db.ObservationRevisions.AsNoTracking().Where(v => EF.Parameter(observationIds).Contains(v.ObservationId))
                .Select(v => new { v.ObservationId, v.Number, v.Value, v.CreatedAt }).ToListAsync(ct))
            .Where(v => Day(v.CreatedAt) <= asOf)
            .GroupBy(v => v.ObservationId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!.Value);
        var byOwner = values.ToLookup(v => (v.TargetId, v.OrganizationId));
        foreach (var (organizationId, target, task, due) in owners)
        {
            var targetFacts = TargetFacts.From(target, taskDue: due);
            // A value saved by the assessment day counts, whatever its period (the current period's value is the
            // organisation's statement of where it stands); a period not yet ended cannot have a later revision in it.
            var observations = byOwner[(target.Id, organizationId)]
                .Where(v => revisions.ContainsKey(v.Id) && periodEnds.ContainsKey(v.PeriodId))
                .Select(v => ObservationFact.FromStored(targetFacts, periodEnds[v.PeriodId], revisions[v.Id]))
                .OfType<ObservationFact>()
                .OrderBy(o => o.PeriodEnd)
                .ToList();
            var plan = plans[target.PlanId];
            var cycle = cycleOf(target.PlanId);
            var firstDue = cycle.WindowCloses(PeriodSpan.Containing(cycle.Kind, Day(plan.CreatedAt)));
            facts[organizationId].Targets.Add(new TargetFact(target.Id, task, target.Subject, target.Raw, targetFacts, observations, firstDue));
        }
    }

    private async Task AddOrdersAndFlagsAsync(Dictionary<long, Builder> facts, List<long> orgIds, List<long> planIds, Dictionary<long, PlanInfo> plans,
        DateOnly yearStart, DateOnly asOf, CancellationToken ct)
    {
        // Instants are stored as Unix milliseconds: the year's bounds in Beijing time, as instants.
        var from = new DateTimeOffset(yearStart.ToDateTime(TimeOnly.MinValue), TrackingDay.ChinaOffset);
        var until = new DateTimeOffset(asOf.AddDays(1).ToDateTime(TimeOnly.MinValue), TrackingDay.ChinaOffset);
        var inYear = db.Set<SupervisionOrder>().AsNoTracking()
            .Where(o => EF.Parameter(orgIds).Contains(o.OrganizationId) && o.IssuedAt >= from && o.IssuedAt < until);
        var orders = (await inYear
                .Join(db.Tasks.Where(t => EF.Parameter(planIds).Contains(t.PlanId)), o => o.TaskId, t => (long?)t.Id,
                    (o, t) => new { o.Id, o.Number, o.OrganizationId, o.IssuedAt, o.ReplyBy, TaskId = t.Id, t.PlanId, t.No, t.Text })
                .ToListAsync(ct))
            .Select(o => new { o.Id, o.Number, o.OrganizationId, o.IssuedAt, o.ReplyBy, TaskId = (long?)o.TaskId, o.PlanId, o.No, o.Text, Kind = (FilingKind?)null })
            .ToList();
        // An order on a late 备案 belongs to the plan that required it (docs/cascade.md).
        orders.AddRange((await inYear
                .Join(db.Set<Filing>(), o => o.FilingId, f => (long?)f.Id, (o, f) => new { o, f.RequirementId })
                .Join(db.Set<FilingRequirement>().Where(r => EF.Parameter(planIds).Contains(r.PlanId)), x => x.RequirementId, r => r.Id,
                    (x, r) => new { x.o.Id, x.o.Number, x.o.OrganizationId, x.o.IssuedAt, x.o.ReplyBy, r.PlanId, r.Kind })
                .ToListAsync(ct))
            .Select(o => new { o.Id, o.Number, o.OrganizationId, o.IssuedAt, o.ReplyBy, TaskId = (long?)null, o.PlanId, No = "", Text = "", Kind = (FilingKind?)o.Kind }));
        var orderIds = orders.Select(o => o.Id).ToList();
        var replies = (await db.Set<Rectification>().AsNoTracking().Where(r => EF.Parameter(orderIds).Contains(r.OrderId))
                .Select(r => new { r.OrderId, r.CreatedAt }).ToListAsync(ct))
            .Where(r => Day(r.CreatedAt) <= asOf).ToLookup(r => r.OrderId);
        var decisions = (await db.Set<OrderReview>().AsNoTracking().Where(r => EF.Parameter(orderIds).Contains(r.OrderId))
                .Select(r => new { r.OrderId, r.Decision, r.RectificationNumber, r.At }).ToListAsync(ct))
            .Where(r => Day(r.At) <= asOf).ToLookup(r => r.OrderId);
        foreach (var o in orders)
        {
            var closing = decisions[o.Id].FirstOrDefault(d => d.Decision == OrderDecision.Closed);
            DateOnly? firstReply = replies[o.Id].Any() ? replies[o.Id].Min(r => Day(r.CreatedAt)) : null;
            var task = o.TaskId is { } taskId ? new TaskRef(taskId, o.No, o.Text, plans[o.PlanId].Title) : null;
            facts[o.OrganizationId].Orders.Add(new OrderFact(o.Id, o.Number, task, Day(o.IssuedAt), o.ReplyBy,
                firstReply, closing is not null, closing is { RectificationNumber: null }, decisions[o.Id].Count(d => d.Decision == OrderDecision.Returned))
            {
                Filing = o.Kind is { } kind ? CascadeLabels.OrderSubject(plans[o.PlanId].Title, kind) : null,
            });
        }

        var flags = await db.Set<TaskEvent>().AsNoTracking()
            .Where(e => (e.Kind == TaskEventKind.Summons || e.Kind == TaskEventKind.Bulletin) && e.OrganizationId != null
                        && EF.Parameter(orgIds).Contains(e.OrganizationId.Value) && e.At >= from && e.At < until)
            .Join(db.Tasks.Where(t => EF.Parameter(planIds).Contains(t.PlanId)), e => e.TaskId, t => t.Id,
                (e, t) => new { e.Id, e.OrganizationId, e.Kind, e.At, e.Summary, e.TaskId, t.PlanId, t.No, t.Text })
            .ToListAsync(ct);
        foreach (var f in flags)
            facts[f.OrganizationId!.Value].Flags.Add(new FlagFact(f.Id, new TaskRef(f.TaskId, f.No, f.Text, plans[f.PlanId].Title),
                f.Kind == TaskEventKind.Summons ? FlagKind.Summons : FlagKind.Bulletin, Day(f.At), f.Summary));
    }

    private async Task AddEntriesAsync(Dictionary<long, Builder> facts, long assessmentId, CancellationToken ct)
    {
        var entries = await db.Set<AssessmentEntry>().AsNoTracking().Where(e => e.AssessmentId == assessmentId)
            .GroupJoin(db.Set<AssessmentEvidence>(), e => e.EvidenceId, f => f.Id, (e, files) => new { e, files })
            .SelectMany(x => x.files.DefaultIfEmpty(), (x, file) => new { x.e.Id, x.e.OrganizationId, x.e.IndicatorCode, x.e.Points, x.e.Comment, x.e.AuthorName, x.e.CreatedAt, x.e.EvidenceId, FileName = file == null ? null : file.FileName })
            .ToListAsync(ct);
        foreach (var e in entries.Where(e => facts.ContainsKey(e.OrganizationId)))
            facts[e.OrganizationId].Entries.Add(new EntryFact(e.Id, e.IndicatorCode, e.Points, e.Comment, e.AuthorName, Day(e.CreatedAt), e.EvidenceId, e.FileName));
    }

    private static DateOnly Day(DateTimeOffset at) => ChinaCalendar.Today(at);

    private static ReportedState Map(ProgressState state) => state switch
    {
        ProgressState.NotStarted => ReportedState.NotStarted,
        ProgressState.InProgress => ReportedState.InProgress,
        ProgressState.Completed => ReportedState.Completed,
        ProgressState.Ongoing => ReportedState.Ongoing,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private sealed class Builder(long organizationId, string name)
    {
        public long OrganizationId => organizationId;
        public List<AssignmentFact> Assignments { get; } = [];
        public List<PeriodReportFact> PeriodReports { get; } = [];
        public List<ReviewedReportFact> ReviewedReports { get; } = [];
        public List<TargetFact> Targets { get; } = [];
        public List<OrderFact> Orders { get; } = [];
        public List<FlagFact> Flags { get; } = [];
        public List<EntryFact> Entries { get; } = [];

        public OrganizationFacts Build() => new(organizationId, name, Assignments, PeriodReports, ReviewedReports, Targets, Orders, Flags, Entries);
    }
}
