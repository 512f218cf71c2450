using System.Diagnostics;
using Bogus;
using Duban.Benchmarks.Core;
using Duban.Core.Plans;
using Duban.Core.Regions;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Benchmarks.Tracking;

/// <summary>The shape of the tracking dataset: how many cities (each with its plan) and how many years of monthly reporting.</summary>
/// <param name="Today">The Beijing day the history ends at: reports run up to the month before it (and a few drafts of its month).</param>
public sealed record TrackingShape(int Cities, int CountiesPerCity, int Years, int Seed, DateOnly Today)
{
    public int Plans => Cities + 1;

    /// <summary>The first period: the month <see cref="Years"/> years before the current one.</summary>
    public DateOnly FirstMonth => new DateOnly(Today.Year, Today.Month, 1).AddYears(-Years);

    public Dataset World() => DatasetGenerator.World(Seed, Enumerable.Repeat(CountiesPerCity, Cities).ToList());

    /// <summary>
    /// Plan 0 is the province's, plan i its i-th city's; 30 to 60 tasks, about a third with a numeric target. Dated
    /// from the middle of the history, so deadlines (that year to four years on) fall in the past, around today and
    /// after it.
    /// </summary>
    public PlanSpec Plan(Dataset world, int index)
    {
        var regionIndex = index == 0 ? 0 : world.Regions.Where(r => r.Level == RegionLevel.City).ElementAt(index - 1).Index;
        var taskCount = new Randomizer(unchecked(Seed * 7919 + index)).Number(30, 60);
        return DatasetGenerator.Plan(world, index, regionIndex, FirstMonth.Year + Years / 2, taskCount, targetShare: 0.3);
    }
}

/// <summary>How many rows each table received.</summary>
public sealed record TrackingRowCounts(int Periods, int Reports, int ReportRevisions, int Reviews, int Observations, int ObservationRevisions);

/// <summary>
/// Builds the tracking dataset: the world (regions, organisations), one plan per city and the province's through
/// <see cref="Duban.Data.Import.PlanImportService"/> (<see cref="DatasetLoader"/>), the plans dated back to the first
/// month (nobody owes reports for periods before a plan was imported), then five years of monthly periods, progress
/// reports with revisions and reviews, and indicator values with revisions, written in bulk (<see cref="IRowSink{T}"/>).
/// Every random choice comes from a seed of the row's own ids, so the same database is built every time.
/// </summary>
public sealed class TrackingDatasetLoader(DatabaseOptions database, TrackingShape shape)
{
    private const string ReviewerName = "省教育厅督查员";

    private static readonly string[] DoneTexts =
    [
        "已召开专题推进会，制定工作方案并分解任务到责任科室。", "完成阶段性建设任务，相关经费已拨付到位。", "组织开展调研督导，形成问题清单并逐项整改。",
        "与合作企业签订协议，联合开展人才培养。", "完成年度目标任务的主要工作，正在进行总结评估。", "按计划推进，本月完成培训和验收各一次。",
    ];

    private static readonly string[] ProblemTexts = ["", "", "资金到位较慢。", "企业参与积极性有待提高。", "专业教师数量不足。"];

    private static readonly string[] NextTexts = ["持续推进，按期完成。", "下月完成验收并报送材料。", "加强督促检查，确保按时完成。"];

    public Dataset World { get; } = shape.World();

    /// <summary>Imports the plans that are not there yet; true when it imported any (then the tracking rows are loaded too).</summary>
    public async Task<(WorldIds Ids, bool Imported)> EnsurePlansAsync(Action<string> log, CancellationToken ct)
    {
        var loader = new DatasetLoader(database, World);
        var ids = await loader.EnsureWorldAsync(ct);
        var existing = await loader.PlanCountAsync(ct);
        if (existing >= shape.Plans) return (ids, false);
        var figures = await loader.ImportAsync(ids, existing, shape.Plans, null, ct, i => shape.Plan(World, i));
        log($"imported {figures.Plans} plans ({figures.Tasks} tasks, {figures.Assignments} assignments) in {figures.Elapsed.TotalSeconds:F0} s");
        await using var db = DubanDatabase.CreateContext(database);
        // As if imported the day the history starts: periods before a plan's import are not held against anyone.
        var imported = new DateTimeOffset(shape.FirstMonth.ToDateTime(new TimeOnly(9, 0)), ChinaCalendar.Offset);
        await db.Plans.ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, imported), ct);
        return (ids, true);
    }

    private sealed record TaskRow(long Id, long PlanId, DateOnly? Due, bool Ongoing, bool Recurring);

    private sealed record AssignmentRow(long Id, long TaskId, long OrganizationId, UnitRole Role, bool Primary, string Name);

    private sealed record TargetRow(long Id, long PlanId, long? TaskId, decimal Value, int? Year);

    /// <summary>Writes the tracking rows into the sinks, plan by plan; the sinks are completed in parent-first order.</summary>
    public async Task<TrackingRowCounts> LoadTrackingAsync(long authorId, long reviewerId, Sinks sinks, Action<string> log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var db = DubanDatabase.CreateContext(database);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.RemovedInVersionId == null)
            .Select(t => new TaskRow(t.Id, t.PlanId, t.Due, t.Ongoing, t.Recurrence != null)).ToListAsync(ct);
        var assignments = (await db.Assignments.AsNoTracking()
            .Select(a => new AssignmentRow(a.Id, a.TaskId, a.OrganizationId, a.Role, a.Primary, a.Organization!.Name)).ToListAsync(ct)).ToLookup(a => a.TaskId);
        var targets = (await db.Targets.AsNoTracking().Select(t => new TargetRow(t.Id, t.PlanId, t.TaskId, t.Value, t.Year)).ToListAsync(ct)).ToLookup(t => t.PlanId);

        var months = PeriodSpan.Between(PeriodKind.Monthly, shape.FirstMonth, shape.Today).ToList();
        var cycle = ReportingCycle.Default(0);
        long periodId = 0, reportId = 0, revisionId = 0, reviewId = 0, observationId = 0, valueId = 0;
        var counts = new int[6];

        foreach (var plan in tasks.GroupBy(t => t.PlanId).OrderBy(g => g.Key))
        {
            var periods = new List<long>();
            foreach (var month in months)
            {
                await sinks.Periods.WriteAsync(new Period { Id = ++periodId, PlanId = plan.Key, Kind = month.Kind, Start = month.Start, End = month.End }, ct);
                periods.Add(periodId);
                counts[0]++;
            }

            var completedIn = new Dictionary<long, int?>();
            foreach (var task in plan)
            {
                var random = new Randomizer(unchecked(shape.Seed * 31 + (int)task.Id));
                var ongoing = task.Ongoing || task.Due is null;
                // Three dated tasks in four are completed around their deadline (up to half a year early, two months late);
                // the rest are still open: overdue if the deadline has passed.
                int? completion = null;
                if (!ongoing && random.Bool(0.75f))
                {
                    var dueMonth = MonthIndex(task.Due!.Value) + random.Number(-6, 2);
                    if (dueMonth >= 1 && dueMonth < months.Count - 1) completion = dueMonth;
                }
                completedIn[task.Id] = completion;

                foreach (var assignment in assignments[task.Id])
                {
                    var lead = assignment.Role == UnitRole.Lead;
                    var own = new Randomizer(unchecked(shape.Seed * 17 + (int)assignment.Id));
                    var last = completion ?? months.Count - 1;
                    for (var m = 0; m <= last; m++)
                    {
                        var month = months[m];
                        var open = m == months.Count - 1;
                        var roll = own.Double();
                        var finishing = lead && m == completion;
                        var state = ongoing ? ProgressState.Ongoing
                            : finishing ? ProgressState.Completed
                            : m == 0 ? ProgressState.NotStarted : ProgressState.InProgress;
                        int? percent = ongoing ? null : finishing ? 100 : Math.Min(95, (m + 1) * 100 / (last + 2));
                        var closes = cycle.WindowCloses(month);
                        var lastClosed = m == months.Count - 2;

                        if (open)
                        {
                            // The current month is being written: a few drafts.
                            if (roll >= 0.1) continue;
                            var draftAt = At(month.Start.AddDays(own.Number(0, Math.Max(0, shape.Today.Day - 1))), own);
                            var draft = Report(++reportId, assignment.Id, periods[m], ReportStatus.Draft, draftAt, null, false);
                            await WriteRevisionAsync(sinks, draft, ++revisionId, 1, state, percent, assignment, authorId, draftAt, null, own, ct);
                            await sinks.Reports.WriteAsync(draft, ct);
                            counts[1]++;
                            counts[2]++;
                            continue;
                        }
                        if (!finishing && roll < (lastClosed ? 0.08 : 0.04)) continue; // 缺报

                        var firstSubmit = At(roll < 0.16 && roll >= 0.10 ? closes.AddDays(own.Number(1, 15)) : month.End.AddDays(own.Number(0, 5)), own);
                        var late = ChinaCalendar.Today(firstSubmit) > closes;
                        var status = lastClosed && roll < 0.15 ? ReportStatus.Submitted
                            : lastClosed && roll < 0.20 ? ReportStatus.Returned
                            : ReportStatus.Approved;
                        var report = Report(++reportId, assignment.Id, periods[m], status, firstSubmit, firstSubmit, late);
                        await WriteRevisionAsync(sinks, report, ++revisionId, 1, state, percent, assignment, authorId, firstSubmit, firstSubmit, own, ct);
                        counts[2]++;
                        var returned = status == ReportStatus.Returned || (!lastClosed && !finishing && roll >= 0.04 && roll < 0.10);
                        var reviewedAt = firstSubmit.AddDays(own.Number(1, 3));
                        if (returned)
                        {
                            await sinks.Reviews.WriteAsync(Review(++reviewId, report.Id, revisionId, ReviewDecision.Returned, "请补充佐证材料，写明完成数量。", reviewerId, reviewedAt), ct);
                            counts[3]++;
                            if (status != ReportStatus.Returned)
                            {
                                var resubmitted = reviewedAt.AddDays(own.Number(1, 3));
                                await WriteRevisionAsync(sinks, report, ++revisionId, 2, state, percent, assignment, authorId, resubmitted, resubmitted, own, ct);
                                counts[2]++;
                                reviewedAt = resubmitted.AddDays(1);
                            }
                        }
                        if (status == ReportStatus.Approved)
                        {
                            await sinks.Reviews.WriteAsync(Review(++reviewId, report.Id, revisionId, ReviewDecision.Approved, null, reviewerId, reviewedAt), ct);
                            counts[3]++;
                        }
                        await sinks.Reports.WriteAsync(report, ct);
                        counts[1]++;
                    }
                }
            }

            // Indicator values: each target, from each organisation leading its task (a plan-level target from the
            // plan's first lead), every month to the last closed one, one in ten missing, one in twelve corrected.
            var firstLead = plan.SelectMany(t => assignments[t.Id]).FirstOrDefault(a => a.Role == UnitRole.Lead);
            foreach (var target in targets[plan.Key])
            {
                var reporters = target.TaskId is { } taskId
                    ? assignments[taskId].Where(a => a.Role == UnitRole.Lead).Select(a => a.OrganizationId).Distinct().ToList()
                    : firstLead is null ? [] : [firstLead.OrganizationId];
                foreach (var organization in reporters)
                {
                    var random = new Randomizer(unchecked(shape.Seed * 13 + (int)target.Id * 101 + (int)organization));
                    // Where the series ends up against the target: most reach it, some fall short.
                    var reach = random.Double(0.6, 1.3);
                    var endMonth = target.Year is { } year ? Math.Clamp(MonthIndex(new DateOnly(year, 12, 1)), 1, months.Count - 2) : months.Count - 2;
                    for (var m = 0; m < months.Count - 1; m++)
                    {
                        if (random.Bool(0.1f)) continue;
                        var share = Math.Min(1.0, (m + 1.0) / (endMonth + 1.0));
                        var value = Math.Round(target.Value * (decimal)(reach * share), 2);
                        var at = At(months[m].End.AddDays(random.Number(1, 5)), random);
                        var observation = new Observation
                        {
                            Id = ++observationId, TargetId = target.Id, OrganizationId = organization, PeriodId = periods[m], CreatedAt = at,
                            Version = new Guid(random.Bytes(16)),
                        };
                        var corrected = random.Bool(1f / 12);
                        if (corrected)
                        {
                            await sinks.ObservationRevisions.WriteAsync(Value(++valueId, observation.Id, 1, value * 10, "", authorId, at), ct);
                            counts[5]++;
                        }
                        await sinks.ObservationRevisions.WriteAsync(Value(++valueId, observation.Id, corrected ? 2 : 1, value, corrected ? "更正：上次多填一位。" : "", authorId,
                            corrected ? at.AddDays(1) : at), ct);
                        counts[5]++;
                        observation.LatestRevisionId = valueId;
                        observation.RevisionCount = corrected ? 2 : 1;
                        await sinks.Observations.WriteAsync(observation, ct);
                        counts[4]++;
                    }
                }
            }
            if (plan.Key % 10 == 0) log($"  plan {plan.Key}: {counts[1]:N0} reports, {counts[4]:N0} values so far ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        await sinks.CompleteAsync(ct);
        return new TrackingRowCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);

        int MonthIndex(DateOnly day) => (day.Year - shape.FirstMonth.Year) * 12 + day.Month - shape.FirstMonth.Month;
    }

    // Office hours, Beijing time, on the given day.
    private static DateTimeOffset At(DateOnly day, Randomizer random) =>
        new(day.ToDateTime(new TimeOnly(random.Number(8, 17), random.Number(0, 59))), ChinaCalendar.Offset);

    private static ProgressReport Report(long id, long assignmentId, long periodId, ReportStatus status, DateTimeOffset createdAt, DateTimeOffset? submittedAt, bool late) =>
        new() { Id = id, AssignmentId = assignmentId, PeriodId = periodId, Status = status, CreatedAt = createdAt, SubmittedAt = submittedAt, Late = late };

    private static async Task WriteRevisionAsync(Sinks sinks, ProgressReport report, long id, int number, ProgressState state, int? percent,
        AssignmentRow assignment, long authorId, DateTimeOffset at, DateTimeOffset? submittedAt, Randomizer random, CancellationToken ct)
    {
        await sinks.Revisions.WriteAsync(new ReportRevision
        {
            Id = id, ReportId = report.Id, Number = number, State = state, PercentComplete = percent, Done = random.ArrayElement(DoneTexts),
            Problems = random.ArrayElement(ProblemTexts), NextSteps = random.ArrayElement(NextTexts), AuthorId = authorId, AuthorName = assignment.Name, CreatedAt = at,
            SubmittedAt = submittedAt,
        }, ct);
        report.LatestRevisionId = id;
        report.RevisionCount = number;
    }

    private static Review Review(long id, long reportId, long revisionId, ReviewDecision decision, string? comment, long reviewerId, DateTimeOffset at) =>
        new() { Id = id, ReportId = reportId, RevisionId = revisionId, Decision = decision, Comment = comment, ReviewerId = reviewerId, ReviewerName = ReviewerName, At = at };

    private static ObservationRevision Value(long id, long observationId, int number, decimal value, string note, long authorId, DateTimeOffset at) =>
        new() { Id = id, ObservationId = observationId, Number = number, Value = value, Note = note, AuthorId = authorId, AuthorName = "填报员", CreatedAt = at };
}

/// <summary>One sink per tracking table.</summary>
public sealed record Sinks(
    IRowSink<Period> Periods,
    IRowSink<ProgressReport> Reports,
    IRowSink<ReportRevision> Revisions,
    IRowSink<Review> Reviews,
    IRowSink<Observation> Observations,
    IRowSink<ObservationRevision> ObservationRevisions) : IAsyncDisposable
{
    /// <summary>Completes parents before children (what SQLite's foreign keys need when the rows are added at the end).</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        await Periods.CompleteAsync(ct);
        await Reports.CompleteAsync(ct);
        await Revisions.CompleteAsync(ct);
        await Reviews.CompleteAsync(ct);
        await Observations.CompleteAsync(ct);
        await ObservationRevisions.CompleteAsync(ct);
    }

    public static Sinks InMemory(DatabaseOptions database) => new(new ContextSink<Period>(database), new ContextSink<ProgressReport>(database),
        new ContextSink<ReportRevision>(database), new ContextSink<Review>(database), new ContextSink<Observation>(database), new ContextSink<ObservationRevision>(database));

    public static async Task<Sinks> CopyAsync(DatabaseOptions database, CancellationToken ct)
    {
        await using var model = DubanDatabase.CreateContext(database);
        var connection = database.ConnectionString!;
        return new(await CopySink<Period>.OpenAsync(model, connection, ct), await CopySink<ProgressReport>.OpenAsync(model, connection, ct),
            await CopySink<ReportRevision>.OpenAsync(model, connection, ct), await CopySink<Review>.OpenAsync(model, connection, ct),
            await CopySink<Observation>.OpenAsync(model, connection, ct), await CopySink<ObservationRevision>.OpenAsync(model, connection, ct));
    }

    public async ValueTask DisposeAsync()
    {
        await Periods.DisposeAsync();
        await Reports.DisposeAsync();
        await Revisions.DisposeAsync();
        await Reviews.DisposeAsync();
        await Observations.DisposeAsync();
        await ObservationRevisions.DisposeAsync();
    }
}
