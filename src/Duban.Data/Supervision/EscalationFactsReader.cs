using Duban.Core.Plans;
using Duban.Core.Tracking.Baseline;
using Duban.Data.Baseline;
using Duban.Parsing.Units;
using Duban.Core.Tracking.Escalation;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Duban.Core.Tracking.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Supervision;

/// <summary>
/// Fills <see cref="EscalationFacts"/> for every assignment of the current tasks of published plans, from the plans'
/// reporting cycles, the submitted and approved reports, the 督办单 with their replies, and the keys already on the
/// timeline. Periods are counted from the one containing the later of the plan's import day and the task's start: a
/// plan imported today owes no reports for last year.
/// </summary>
public sealed class EscalationFactsReader(DubanDbContext db)
{
    /// <summary>The watched assignments of every published plan.</summary>
    public Task<IReadOnlyList<TrackedAssignment>> ReadAsync(DateOnly today, CancellationToken ct = default) => ReadAsync(today, null, ct);

    /// <summary>
    /// The watched assignments of every published plan, or of one plan only when <paramref name="planId"/> is given —
    /// then also of a draft, read as if published today (the preview before publishing: its tracking start would be
    /// today unless one is set).
    /// </summary>
    public async Task<IReadOnlyList<TrackedAssignment>> ReadAsync(DateOnly today, long? planId, CancellationToken ct = default)
    {
        // Every fact from one snapshot where the database offers one cheaply (PostgreSQL's REPEATABLE READ): two runs
        // racing must each see the other's recorded actions either whole or not at all (see the keys below).
        await using var snapshot = db.Database.CurrentTransaction is null && db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct)
            : null;
        var current = db.Assignments.AsNoTracking()
            .Where(a => a.Task!.RemovedInVersionId == null && db.Plans.Any(p => p.Id == a.Task.PlanId && p.CurrentVersionId == a.Task.TaskList!.PlanVersionId));
        var watched = planId is { } only
            ? current.Where(a => a.Task!.PlanId == only && db.Plans.Any(p => p.Id == only && p.Status != PlanStatus.Archived))
            : current.Where(a => db.Plans.Any(p => p.Id == a.Task!.PlanId && p.Status == PlanStatus.Published));
        var assignments = await watched
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.TaskId, a.Task!.No, a.Task.Text, a.Task.Due, a.Task.Start, a.Task.PlanId, a.OrganizationId,
                OrganizationName = a.Organization!.Name, a.Organization.RegionId,
                PlanCreatedAt = db.Plans.Where(p => p.Id == a.Task.PlanId).Select(p => p.CreatedAt).First(),
                TrackingStart = db.Plans.Where(p => p.Id == a.Task.PlanId).Select(p => p.TrackingStart).First(),
                Published = db.Plans.Any(p => p.Id == a.Task.PlanId && p.Status == PlanStatus.Published),
                HasReporter = db.Users.Any(u => u.IsActive && u.Role == Core.Security.Role.Reporter && u.OrganizationId == a.OrganizationId),
            })
            .ToListAsync(ct);
        if (assignments.Count == 0) return [];
        var baselines = await BaselineStatements.ForTasksAsync(db, planId is null ? null : assignments.Select(a => a.TaskId).Distinct().ToList(), ct);

        var cycles = await db.ReportingCycles.AsNoTracking().ToDictionaryAsync(c => c.PlanId, ct);
        var reported = (await db.ProgressReports.AsNoTracking().Where(r => r.SubmittedAt != null)
                .Select(r => new { r.AssignmentId, r.Period!.Kind, r.Period.Start }).ToListAsync(ct))
            .ToLookup(r => r.AssignmentId, r => (r.Kind, r.Start));
        var done = (await db.ProgressReports.AsNoTracking()
                .Where(r => r.Status == ReportStatus.Approved
                            && db.ReportRevisions.Any(v => v.Id == r.LatestRevisionId && v.State == ProgressState.Completed))
                .Select(r => r.AssignmentId).ToListAsync(ct))
            .ToHashSet();
        // The keys before the orders: an order and its key commit together, so an order missing from the later read
        // means its key was missing from the earlier one too. Read the other way round, a run racing another could see
        // the other's order key without its open order and issue the assignment's next order as well (one open order
        // at a time is the rule).
        var keys = (await db.Set<TaskEvent>().AsNoTracking().Where(e => e.AssignmentId != null)
                .Select(e => new { e.AssignmentId, e.IdempotencyKey }).ToListAsync(ct))
            .ToLookup(e => e.AssignmentId!.Value, e => e.IdempotencyKey);
        var orders = await OrdersAsync(ct);

        var tracked = new List<TrackedAssignment>(assignments.Count);
        foreach (var a in assignments)
        {
            var cycle = cycles.GetValueOrDefault(a.PlanId) ?? ReportingCycle.Default(a.PlanId);
            var from = ChinaDay(a.PlanCreatedAt);
            if (a.Start is { } start && start > from) from = start;
            var windows = Windows(cycle, from, today, reported[a.Id].ToHashSet());
            var facts = Facts(a.Id, a.Due, done.Contains(a.Id), windows, today, [.. orders[(a.TaskId, a.OrganizationId)]], keys[a.Id].ToHashSet(StringComparer.Ordinal));
            // A draft previewed before publishing would start tracking today, unless a tracking start was set already.
            var trackingStart = a.TrackingStart ?? (a.Published ? null : today);
            facts = facts.With(BaselineRules.Standing(a.Due, trackingStart, baselines.GetValueOrDefault((a.TaskId, a.OrganizationId))));
            var recipient = new RecipientFacts(CollectiveNames.IsCollective(a.OrganizationName), a.HasReporter);
            tracked.Add(new(a.Id, a.TaskId, a.No, a.Text, a.OrganizationId, a.OrganizationName, a.RegionId, cycle.Kind, facts)
            {
                PlanId = a.PlanId, Recipient = recipient,
            });
        }
        return tracked;
    }

    /// <summary>
    /// Every 督办单 as escalation sees it, by task and organisation (one open order at a time is per task and
    /// organisation, whichever of its assignments the order was issued on). An answer counts from the first reply after
    /// the office last returned the order (整改不到位): a returned reply is as good as none.
    /// </summary>
    private async Task<ILookup<(long TaskId, long OrganizationId), IssuedOrder>> OrdersAsync(CancellationToken ct)
    {
        // An order on a 备案 is no task's: the filing job keeps those (docs/cascade.md).
        var orders = await db.Set<SupervisionOrder>().AsNoTracking().Where(o => o.TaskId != null)
            .Select(o => new { o.Id, TaskId = o.TaskId!.Value, o.OrganizationId, o.IssuedAt, o.ReplyBy, o.Status }).ToListAsync(ct);
        var replies = (await db.Set<Rectification>().AsNoTracking().Select(r => new { r.OrderId, r.Number, r.CreatedAt, r.NewDate }).ToListAsync(ct))
            .ToLookup(r => r.OrderId);
        var returned = (await db.Set<OrderReview>().AsNoTracking().Where(v => v.Decision == OrderDecision.Returned)
                .Select(v => new { v.OrderId, v.At }).ToListAsync(ct))
            .GroupBy(v => v.OrderId).ToDictionary(g => g.Key, g => g.Max(v => v.At));
        return orders.ToLookup(o => (o.TaskId, o.OrganizationId), o =>
        {
            var all = replies[o.Id].OrderBy(r => r.Number).ToList();
            var since = returned.TryGetValue(o.Id, out var at) ? at : (DateTimeOffset?)null;
            var answer = all.FirstOrDefault(r => since is null || r.CreatedAt > since);
            return new IssuedOrder(ChinaDay(o.IssuedAt), o.ReplyBy, answer is null ? null : ChinaDay(answer.CreatedAt), all.LastOrDefault()?.NewDate,
                o.Status == OrderStatus.Closed);
        });
    }

    /// <summary>The periods from the one containing <paramref name="from"/> up to the one containing today, with their windows and whether each was reported.</summary>
    public static IReadOnlyList<ReportingWindow> Windows(ReportingCycle cycle, DateOnly from, DateOnly today, IReadOnlySet<(PeriodKind Kind, DateOnly Start)> reported)
    {
        if (from > today) return [];
        return PeriodSpan.Between(cycle.Kind, from, today)
            .Select(p => new ReportingWindow(p.Start, p.End, cycle.WindowCloses(p), reported.Contains((p.Kind, p.Start))))
            .ToList();
    }

    /// <summary>The facts of one assignment from its windows (in order): the open one, the last closed one, and the misses.</summary>
    public static EscalationFacts Facts(long assignmentId, DateOnly? due, bool done, IReadOnlyList<ReportingWindow> windows, DateOnly today,
        IReadOnlyList<IssuedOrder> orders, IReadOnlySet<string> keys)
    {
        var closed = windows.Where(w => w.Closes < today).ToList();
        var current = windows.FirstOrDefault(w => w.Closes >= today);
        var run = closed.AsEnumerable().Reverse().TakeWhile(w => !w.Reported).ToList();
        return new EscalationFacts(
            assignmentId, due, done, current, closed.LastOrDefault(),
            closed.Count(w => !w.Reported),
            run.Count > 0 ? run[^1].PeriodStart : null,
            run.Count,
            orders, keys);
    }

    public static DateOnly ChinaDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TrackingDay.ChinaOffset).DateTime);
}
