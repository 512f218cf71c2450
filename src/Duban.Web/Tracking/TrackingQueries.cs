using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data;
using Duban.Data.Tracking;
using Duban.Web.Api;
using Duban.Web.Operations;
using Duban.Web.Paging;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tracking;

public sealed record ReportFilter(long? PlanId, long? OrganizationId, long? PeriodId, ProgressState? State, ReportStatus? Status);

public sealed record ObservationFilter(long? PlanId, long? TargetId, long? OrganizationId, long? PeriodId);

/// <summary>
/// Reads of reports, values, evidence and periods within the user's data scope. A report is seen by whoever sees its
/// task (a reporter: the tasks assigned to their organisation; inspectors and administrators: their region's); a value
/// of a task's target likewise, a value of a plan-level target by whoever sees the reporting organisation; evidence
/// by whoever sees the task it was uploaded for (or, for a plan-level target, the uploading organisation).
/// </summary>
/// <param name="counts">Kept counts of long lists (docs/benchmarks.md); without them every page counts its list.</param>
public sealed class TrackingQueries(DubanDbContext db, PlanQueries plans, ReportingPeriods periods, ListCounts? counts = null)
{
    public const int MaxPeriodsListed = 120;

    public IQueryable<ProgressReport> VisibleReports(DubanUser user)
    {
        var tasks = plans.VisibleTasks(user).Select(t => t.Id);
        return db.ProgressReports.AsNoTracking().Where(r => tasks.Contains(r.Assignment!.TaskId));
    }

    public IQueryable<Observation> VisibleObservations(DubanUser user)
    {
        var tasks = plans.VisibleTasks(user).Select(t => t.Id);
        var organizations = db.Organizations.VisibleTo(user).Select(o => o.Id);
        return db.Observations.AsNoTracking().Where(o =>
            db.Targets.Any(t => t.Id == o.TargetId && (t.TaskId == null ? organizations.Contains(o.OrganizationId) : tasks.Contains(t.TaskId.Value))));
    }

    public IQueryable<Evidence> VisibleEvidence(DubanUser user)
    {
        var tasks = plans.VisibleTasks(user).Select(t => t.Id);
        var organizations = db.Organizations.VisibleTo(user).Select(o => o.Id);
        return db.Evidence.AsNoTracking().Where(e => e.TaskId == null ? organizations.Contains(e.OrganizationId) : tasks.Contains(e.TaskId.Value));
    }

    /// <summary>Whether an administrator's scope covers the plan: its region lies in theirs (published plans elsewhere are readable, not theirs to configure).</summary>
    public Task<bool> AdministersPlanAsync(DubanUser admin, long planId, CancellationToken ct) => db.Plans.ActionableBy(admin).AnyAsync(p => p.Id == planId, ct);

    /// <summary>The plan's cycle and its periods between from and to (default: the plan's year so far up to the current period).</summary>
    public async Task<Outcome<PlanPeriodsView>?> PeriodsAsync(DubanUser user, long planId, DateOnly? from, DateOnly? to, DateOnly today, CancellationToken ct)
    {
        if (!await plans.VisiblePlans(user).AnyAsync(p => p.Id == planId, ct)) return null;
        if (from is { } fromDay && !PlausibleDates.Contains(fromDay, today)) return Outcome<PlanPeriodsView>.Invalid("from", PlausibleDates.OutOfRange("from（起始日期）", today));
        if (to is { } toDay && !PlausibleDates.Contains(toDay, today)) return Outcome<PlanPeriodsView>.Invalid("to", PlausibleDates.OutOfRange("to（截止日期）", today));
        var cycle = await periods.CycleAsync(planId, ct);
        var last = to ?? PeriodSpan.Containing(cycle.Kind, today).End;
        var first = from ?? new DateOnly(last.Year, 1, 1);
        if (first > last) return Outcome<PlanPeriodsView>.Invalid("from", "from（起始日期）不能晚于 to（截止日期）。");
        var spans = PeriodSpan.Between(cycle.Kind, first, last).Take(MaxPeriodsListed + 1).ToList();
        if (spans.Count > MaxPeriodsListed) return Outcome<PlanPeriodsView>.Invalid("to", $"一次最多列出 {MaxPeriodsListed} 个周期，请缩小 from 与 to 的范围。");
        var starts = spans.Select(s => s.Start).ToList();
        var stored = await db.Periods.AsNoTracking().Where(p => p.PlanId == planId && p.Kind == cycle.Kind && starts.Contains(p.Start))
            .ToDictionaryAsync(p => p.Start, p => p.Id, ct);
        return Outcome<PlanPeriodsView>.Ok(new(CycleView.Of(cycle),
            spans.Select(s => new PeriodView(stored.TryGetValue(s.Start, out var id) ? id : null, s.Kind, s.Start, s.End, s.Label, cycle.WindowCloses(s))).ToList()));
    }

    /// <summary>The visible reports the filter keeps, in no order; with <paramref name="reviewQueue"/>, only those the user has to review (<see cref="ReviewQueueFilter"/>).</summary>
    public IQueryable<ProgressReport> FilteredReports(DubanUser user, ReportFilter filter, bool reviewQueue = false)
    {
        var reports = VisibleReports(user);
        if (reviewQueue) reports = ReviewQueueFilter.For(new ActingRights(db), user)(reports);
        if (filter.PlanId is { } plan) reports = reports.Where(r => r.Assignment!.Task!.PlanId == plan);
        if (filter.OrganizationId is { } organization) reports = reports.Where(r => r.Assignment!.OrganizationId == organization);
        if (filter.PeriodId is { } period) reports = reports.Where(r => r.PeriodId == period);
        if (filter.Status is { } status) reports = reports.Where(r => r.Status == status);
        if (filter.State is { } state) reports = reports.Where(r => db.ReportRevisions.Any(v => v.Id == r.LatestRevisionId && v.State == state));
        return reports;
    }

    /// <summary>
    /// Where a page of reports ends. The list: newest period first, then plan, task, id — <c>r.{period start, day number}.{plan}.{task}.{id}</c>.
    /// The review queue: first submitted first — <c>q.{submitted, Unix ms}.{id}</c>.
    /// </summary>
    public static ListCursor? ParseCursor(string text, bool queue) => queue
        ? ListCursor.Parse(text, "q", 2) is { } q && ListCursor.Instant(q.Keys[0]) is not null ? q : null
        : ListCursor.Parse(text, "r", 4) is { } r && r.Keys[0] is >= 0 and <= 3652058 ? r : null;

    private sealed record ReportKey(long Id, int PeriodDay, long PlanId, long TaskId, DateTimeOffset? SubmittedAt);

    /// <summary>
    /// One page of the reports, by page number or after / before a cursor. The review queue (<paramref name="reviewQueue"/>)
    /// is read first submitted first, from the index on (status, submitted, id) where the cursor points; the whole list's
    /// order runs over the periods and tasks, which a cursor continues without counting off the rows before it.
    /// </summary>
    public async Task<KeysetPage<ReportSummary>> ListReportsAsync(DubanUser user, ReportFilter filter, KeysetRequest request, CancellationToken ct, bool reviewQueue = false)
    {
        var filtered = FilteredReports(user, filter, reviewQueue);
        var after = request.After is { } a ? ParseCursor(a, reviewQueue) : null;
        var before = request.Before is { } b ? ParseCursor(b, reviewQueue) : null;
        var page = reviewQueue ? QueueOrder(filtered, after, before) : ListOrder(filtered, after, before);
        if (after is null && before is null) page = page.Skip(request.Page.Skip);
        var read = (await page.Take(request.Page.PageSize + 1)
                .Select(r => new { r.Id, r.Period!.Start, r.Assignment!.Task!.PlanId, r.Assignment.TaskId, r.SubmittedAt }).ToListAsync(ct))
            .Select(r => new ReportKey(r.Id, r.Start.DayNumber, r.PlanId, r.TaskId, r.SubmittedAt)).ToList();
        var (keys, next, previous) = KeysetSlice.Cut(read, request);
        var ids = keys.Select(k => k.Id).ToList();
        var views = await Summaries(db.ProgressReports.AsNoTracking().Where(r => ids.Contains(r.Id))).ToDictionaryAsync(r => r.Id, ct);
        var count = await CountReportsAsync(user, filter, reviewQueue, filtered, ct);
        string? Cursor(ReportKey? k) => k is null ? null : reviewQueue
            ? new ListCursor("q", [k.SubmittedAt?.ToUnixTimeMilliseconds() ?? 0, k.Id]).Encode()
            : new ListCursor("r", [k.PeriodDay, k.PlanId, k.TaskId, k.Id]).Encode();
        return new(ids.Select(id => views[id]).ToList(), request.Page.Page, request.Page.PageSize, count, Cursor(next), Cursor(previous));
    }

    /// <summary>
    /// How many reports the list holds (with <paramref name="reviewQueue"/>, the user's review queue), counted as its
    /// page counts them: bounded, then kept for a long list (<see cref="ListCounts"/>). The 工作台's 待审核 is this count.
    /// </summary>
    public Task<ListCount> CountReportsAsync(DubanUser user, ReportFilter filter, bool reviewQueue, CancellationToken ct) =>
        CountReportsAsync(user, filter, reviewQueue, FilteredReports(user, filter, reviewQueue), ct);

    private async Task<ListCount> CountReportsAsync(DubanUser user, ReportFilter filter, bool reviewQueue, IQueryable<ProgressReport> filtered, CancellationToken ct)
    {
        if (counts is null) return ListCount.Exact(await filtered.CountAsync(ct));
        // The queue depends on whom the reviewer answers for (their organisation's region), the list on the scope only.
        var key = $"reports|{(reviewQueue ? $"queue:{user.Id}" : "")}|{user.Scope}|{user.ScopeRegionPath}|{user.OrganizationId}|{filter}";
        var ordered = reviewQueue ? QueueOrder(filtered, null, null) : ListOrder(filtered, null, null);
        return await counts.CountAsync(db, key, ordered.Select(r => r.Id),
            (services, token) => services.GetRequiredService<TrackingQueries>().FilteredReports(user, filter, reviewQueue).CountAsync(token), ct);
    }

    /// <summary>First submitted first; the time is also bounded on its own so that both databases start the index range there.</summary>
    private static IQueryable<ProgressReport> QueueOrder(IQueryable<ProgressReport> reports, ListCursor? after, ListCursor? before)
    {
        if (after is not null)
        {
            var (at, id) = (ListCursor.Instant(after.Keys[0]), after.Keys[1]);
            return reports.Where(r => r.SubmittedAt >= at && (r.SubmittedAt > at || r.Id > id)).OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id);
        }
        if (before is not null)
        {
            var (at, id) = (ListCursor.Instant(before.Keys[0]), before.Keys[1]);
            return reports.Where(r => r.SubmittedAt <= at && (r.SubmittedAt < at || r.Id < id)).OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id);
        }
        return reports.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id);
    }

    /// <summary>Newest period first, then plan, task and id (the keys live on the period and the task, so no one index serves this order).</summary>
    private static IQueryable<ProgressReport> ListOrder(IQueryable<ProgressReport> reports, ListCursor? after, ListCursor? before)
    {
        if (after is not null)
        {
            var (start, plan, task, id) = (DateOnly.FromDayNumber((int)after.Keys[0]), after.Keys[1], after.Keys[2], after.Keys[3]);
            reports = reports.Where(r => r.Period!.Start < start || (r.Period.Start == start && (r.Assignment!.Task!.PlanId > plan
                || (r.Assignment.Task.PlanId == plan && (r.Assignment.TaskId > task || (r.Assignment.TaskId == task && r.Id > id))))));
        }
        if (before is not null)
        {
            var (start, plan, task, id) = (DateOnly.FromDayNumber((int)before.Keys[0]), before.Keys[1], before.Keys[2], before.Keys[3]);
            return reports.Where(r => r.Period!.Start > start || (r.Period.Start == start && (r.Assignment!.Task!.PlanId < plan
                    || (r.Assignment.Task.PlanId == plan && (r.Assignment.TaskId < task || (r.Assignment.TaskId == task && r.Id < id))))))
                .OrderBy(r => r.Period!.Start).ThenByDescending(r => r.Assignment!.Task!.PlanId).ThenByDescending(r => r.Assignment!.TaskId).ThenByDescending(r => r.Id);
        }
        return reports.OrderByDescending(r => r.Period!.Start).ThenBy(r => r.Assignment!.Task!.PlanId).ThenBy(r => r.Assignment!.TaskId).ThenBy(r => r.Id);
    }

    /// <summary>The plans and organisations that have a report in the queue, for the 审核 page's filters (read in the database, not by loading the queue).</summary>
    public async Task<(List<(long Id, string Title)> Plans, List<(long Id, string Name)> Organizations)> QueueChoicesAsync(DubanUser user, CancellationToken ct)
    {
        var waiting = FilteredReports(user, new ReportFilter(null, null, null, null, null), reviewQueue: true);
        var planRows = await db.Plans.AsNoTracking().Where(p => waiting.Any(r => r.Assignment!.Task!.PlanId == p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        var organizationRows = await db.Organizations.AsNoTracking().Where(o => waiting.Any(r => r.Assignment!.OrganizationId == o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return (planRows.OrderBy(p => p.Title, StringComparer.Ordinal).Select(p => (p.Id, p.Title)).ToList(),
            organizationRows.OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => (o.Id, o.Name)).ToList());
    }

    /// <summary>Summaries of the visible reports the filter keeps (the pages' lists: a task's reports, an organisation's, the review queue).</summary>
    public Task<List<ReportSummary>> ReportSummariesAsync(DubanUser user, Func<IQueryable<ProgressReport>, IQueryable<ProgressReport>> filter, CancellationToken ct) =>
        Summaries(filter(VisibleReports(user))).ToListAsync(ct);

    /// <summary>The newest review of each report that has one: a returned report shows its comment.</summary>
    public async Task<Dictionary<long, ReviewView>> LatestReviewsAsync(IReadOnlyCollection<long> reportIds, CancellationToken ct)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(r => reportIds.Contains(r.ReportId))
            .Select(r => new { r.ReportId, View = new ReviewView(r.Id, r.RevisionId, r.Decision, r.Comment, (db.Users.Where(u => u.Id == r.ReviewerId).Select(u => u.DisplayName).FirstOrDefault() ?? r.ReviewerName), r.At) }).ToListAsync(ct);
        return reviews.GroupBy(r => r.ReportId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.View.Id)!.View);
    }

    public async Task<ReportDetail?> GetReportAsync(DubanUser user, long id, CancellationToken ct)
    {
        var summary = await Summaries(VisibleReports(user).Where(r => r.Id == id)).SingleOrDefaultAsync(ct);
        if (summary is null) return null;
        var revisions = await db.ReportRevisions.AsNoTracking().Where(r => r.ReportId == id).OrderByDescending(r => r.Number)
            .Select(r => new
            {
                r.Id, r.Number, r.State, r.PercentComplete, r.Done, r.Problems, r.NextSteps, AuthorName = (db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault() ?? r.AuthorName), r.CreatedAt, r.SubmittedAt,
                Evidence = r.Evidence.Select(e => e.File!).ToList(),
            }).ToListAsync(ct);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ReportId == id).OrderBy(r => r.Id)
            .Select(r => new ReviewView(r.Id, r.RevisionId, r.Decision, r.Comment, (db.Users.Where(u => u.Id == r.ReviewerId).Select(u => u.DisplayName).FirstOrDefault() ?? r.ReviewerName), r.At)).ToListAsync(ct);
        return new(summary,
            revisions.Select(r => new RevisionView(r.Id, r.Number, r.State, r.PercentComplete, r.Done, r.Problems, r.NextSteps, r.AuthorName, r.CreatedAt, r.SubmittedAt,
                r.Evidence.OrderBy(e => e.Id).Select(View).ToList())).ToList(),
            reviews);
    }

    public Task<Paged<ObservationSummary>> ListObservationsAsync(DubanUser user, ObservationFilter filter, PageRequest page, CancellationToken ct)
    {
        var observations = VisibleObservations(user);
        if (filter.PlanId is { } plan) observations = observations.Where(o => db.Targets.Any(t => t.Id == o.TargetId && t.PlanId == plan));
        if (filter.TargetId is { } target) observations = observations.Where(o => o.TargetId == target);
        if (filter.OrganizationId is { } organization) observations = observations.Where(o => o.OrganizationId == organization);
        if (filter.PeriodId is { } period) observations = observations.Where(o => o.PeriodId == period);
        return ObservationSummaries(observations.OrderByDescending(o => o.Period!.Start).ThenBy(o => o.TargetId).ThenBy(o => o.Id)).ToPagedAsync(page, ct);
    }

    public async Task<ObservationDetail?> GetObservationAsync(DubanUser user, long id, CancellationToken ct)
    {
        var summary = await ObservationSummaries(VisibleObservations(user).Where(o => o.Id == id)).SingleOrDefaultAsync(ct);
        if (summary is null) return null;
        var revisions = await db.ObservationRevisions.AsNoTracking().Where(r => r.ObservationId == id).OrderByDescending(r => r.Number)
            .Select(r => new { r.Id, r.Number, r.Value, r.Note, AuthorName = (db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault() ?? r.AuthorName), r.CreatedAt, Evidence = r.Evidence.Select(e => e.File!).ToList() })
            .ToListAsync(ct);
        return new(summary, revisions.Select(r => new ObservationRevisionView(r.Id, r.Number, r.Value, r.Note, r.AuthorName, r.CreatedAt,
            r.Evidence.OrderBy(e => e.Id).Select(View).ToList())).ToList());
    }

    public static EvidenceView View(Evidence e) =>
        new(e.Id, e.FileName, e.Type, e.Size, e.Sha256, e.UploadedAt, $"{ApiEndpoints.Prefix}/evidence/{e.Id}");

    private IQueryable<ReportSummary> Summaries(IQueryable<ProgressReport> reports) => reports.Select(r => new ReportSummary(
        r.Id, r.Assignment!.Task!.PlanId, r.Assignment.TaskId, r.Assignment.Task.No, r.AssignmentId, r.Assignment.OrganizationId, r.Assignment.Organization!.Name,
        r.Assignment.Role, r.PeriodId, r.Period!.Kind, r.Period.Start, r.Period.End, r.Status,
        db.ReportRevisions.Where(v => v.Id == r.LatestRevisionId).Select(v => (ProgressState?)v.State).FirstOrDefault(),
        db.ReportRevisions.Where(v => v.Id == r.LatestRevisionId).Select(v => v.PercentComplete).FirstOrDefault(),
        r.RevisionCount, r.SubmittedAt, r.Late, r.Version));

    private IQueryable<ObservationSummary> ObservationSummaries(IQueryable<Observation> observations) =>
        from o in observations
        join t in db.Targets on o.TargetId equals t.Id
        join org in db.Organizations on o.OrganizationId equals org.Id
        select new ObservationSummary(
            o.Id, t.PlanId, t.Id, t.TaskId, t.Subject, t.Unit, o.OrganizationId, org.Name, o.PeriodId, o.Period!.Kind, o.Period.Start, o.Period.End,
            db.ObservationRevisions.Where(v => v.Id == o.LatestRevisionId).Select(v => (decimal?)v.Value).FirstOrDefault(),
            db.ObservationRevisions.Where(v => v.Id == o.LatestRevisionId).Select(v => v.Note).FirstOrDefault(),
            o.RevisionCount, o.Version);
}
