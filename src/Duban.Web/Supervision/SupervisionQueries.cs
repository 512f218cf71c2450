using Duban.Core.Cascade;
using Duban.Core.Security;
using Duban.Core.Tracking.Baseline;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Supervision;
using Duban.Data;
using Duban.Data.Organizations;
using Duban.Web.Display;
using Duban.Web.Paging;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Supervision;

/// <summary>
/// Reads of 督办单, timelines and instructions within the user's scope. Whoever sees a task sees its timeline and its
/// orders, except a reporter (scope 本单位), who sees the orders and events of their own organisation and the task's
/// 领导批示, not what was said to the other organisations of the same task.
/// </summary>
/// <param name="counts">Kept counts of long lists (docs/benchmarks.md); without them every page counts its list.</param>
public sealed class SupervisionQueries(DubanDbContext db, PlanQueries plans, ActingRights rights, ListCounts? counts = null)
{
    public IQueryable<SupervisionOrder> VisibleOrders(DubanUser user)
    {
        var tasks = plans.VisibleTasks(user).Select(t => t.Id);
        // An order on a 备案 is seen as the filing is (CascadeAccess.FilingAsync): with the plan that required it, or the organisation.
        var visiblePlans = plans.VisiblePlans(user).Select(p => p.Id);
        var organizations = db.Organizations.VisibleTo(user).Select(o => o.Id);
        var filings = db.Set<Filing>().Where(f => organizations.Contains(f.OrganizationId)
            || db.Set<FilingRequirement>().Any(r => r.Id == f.RequirementId && visiblePlans.Contains(r.PlanId))).Select(f => f.Id);
        var orders = db.Set<SupervisionOrder>().AsNoTracking()
            .Where(o => (o.TaskId != null && tasks.Contains(o.TaskId.Value)) || (o.FilingId != null && filings.Contains(o.FilingId.Value)));
        return user.Scope == DataScope.Own ? orders.Where(o => o.OrganizationId == user.OrganizationId) : orders;
    }

    public Task<bool> SeesTaskAsync(DubanUser user, long taskId, CancellationToken ct) => plans.VisibleTasks(user).AnyAsync(t => t.Id == taskId, ct);

    public Task<Paged<OrderSummary>> ListAsync(DubanUser user, OrderFilter filter, PageRequest page, CancellationToken ct) =>
        Listed(user, filter).ToPagedAsync(page, ct);

    /// <summary>The list of the filter in its order, every page: the API's numbered pages and the export read this one query.</summary>
    public IQueryable<OrderSummary> Listed(DubanUser user, OrderFilter filter)
    {
        var orders = Filtered(user, filter);
        if (!filter.Active) return Summaries(orders.OrderByDescending(o => o.IssuedAt).ThenByDescending(o => o.Id));
        return Summaries(orders.OrderBy(o => o.Status == OrderStatus.Overdue ? 0 : o.Status == OrderStatus.Open ? 1 : 2)
            .ThenByDescending(o => o.IssuedAt).ThenByDescending(o => o.Id));
    }

    /// <summary>The visible orders the filter keeps, in no order.</summary>
    public IQueryable<SupervisionOrder> Filtered(DubanUser user, OrderFilter filter)
    {
        var orders = VisibleOrders(user);
        if (filter.Status is { } status) orders = orders.Where(o => o.Status == status);
        if (filter.TaskId is { } task) orders = orders.Where(o => o.TaskId == task);
        if (filter.OrganizationId is { } organization) orders = orders.Where(o => o.OrganizationId == organization);
        if (filter.PlanId is { } plan)
            orders = orders.Where(o => db.Tasks.Any(t => t.Id == o.TaskId && t.PlanId == plan)
                || db.Set<Filing>().Any(f => f.Id == o.FilingId && db.Set<FilingRequirement>().Any(r => r.Id == f.RequirementId && r.PlanId == plan)));
        // The office's to-do list: what still needs an answer (a returned reply needs a new one), overdue first.
        if (filter.Active) orders = orders.Where(o => o.Status == OrderStatus.Overdue || o.Status == OrderStatus.Open || o.Status == OrderStatus.Returned);
        return orders;
    }

    /// <summary>
    /// The active list's groups in its order (逾期未回复, 待回复, 整改不到位): each is read on its own from the index on
    /// (status, issue time, id), rather than the whole list sorted by a computed rank.
    /// </summary>
    private static readonly OrderStatus[] ActiveGroups = [OrderStatus.Overdue, OrderStatus.Open, OrderStatus.Returned];

    /// <summary>Where a page of orders ends: newest first, <c>o.{issued, Unix ms}.{id}</c>; the active list also by group, <c>v.{group}.{issued}.{id}</c>.</summary>
    public static ListCursor? ParseCursor(string text, OrderFilter filter) =>
        (filter.Active ? ListCursor.Parse(text, "v", 3) : ListCursor.Parse(text, "o", 2)) is { } c
        && ListCursor.Instant(c.Keys[^2]) is not null && (!filter.Active || c.Keys[0] is >= 0 and < 3) ? c : null;

    private sealed record OrderKey(int Group, DateTimeOffset IssuedAt, long Id);

    /// <summary>
    /// One page of the list, by page number (the first pages, older links) or after / before a cursor (keyset: read from
    /// the index where the cursor points, any depth at the cost of the first page); one row more than the page is read, to
    /// know whether one follows. The count is kept between writes for a long list (<see cref="ListCounts"/>).
    /// </summary>
    public async Task<KeysetPage<OrderSummary>> PageAsync(DubanUser user, OrderFilter filter, KeysetRequest request, CancellationToken ct)
    {
        var filtered = Filtered(user, filter);
        var after = request.After is { } a ? ParseCursor(a, filter) : null;
        var before = request.Before is { } b ? ParseCursor(b, filter) : null;
        var take = request.Page.PageSize + 1;
        List<OrderKey> read;
        if (!filter.Active)
            read = await Keys((after is null && before is null ? Seek(filtered, null, null).Skip(request.Page.Skip) : Seek(filtered, after, before)).Take(take), 0, ct);
        else if (after is null && before is null && request.Page.Skip > 0)
            // A numbered page past the first (an older link): the groups counted off in one sorted query.
            read = (await filtered.OrderBy(o => o.Status == OrderStatus.Overdue ? 0 : o.Status == OrderStatus.Open ? 1 : 2)
                    .ThenByDescending(o => o.IssuedAt).ThenByDescending(o => o.Id).Skip(request.Page.Skip).Take(take)
                    .Select(o => new { o.Status, o.IssuedAt, o.Id }).ToListAsync(ct))
                .Select(o => new OrderKey(Array.IndexOf(ActiveGroups, o.Status), o.IssuedAt, o.Id)).ToList();
        else
        {
            // Group by group from the cursor's, forward or back, until the page is full.
            read = [];
            var from = (after ?? before)?.Keys[0] is { } g ? (int)g : before is null ? 0 : ActiveGroups.Length - 1;
            for (var group = from; group >= 0 && group < ActiveGroups.Length && read.Count < take; group += before is null ? 1 : -1)
            {
                var status = ActiveGroups[group];
                var rows = filtered.Where(o => o.Status == status);
                var here = group == from;
                read.AddRange(await Keys(Seek(rows, here ? after : null, here ? before : null, forceBackward: before is not null).Take(take - read.Count), group, ct));
            }
        }
        var (keys, next, previous) = KeysetSlice.Cut(read, request);
        var ids = keys.Select(k => k.Id).ToList();
        var views = await Summaries(db.Set<SupervisionOrder>().AsNoTracking().Where(o => ids.Contains(o.Id))).ToDictionaryAsync(o => o.Id, ct);
        var count = await CountAsync(user, filter, filtered, ct);
        return new(ids.Select(id => views[id]).ToList(), request.Page.Page, request.Page.PageSize, count, Cursor(next, filter), Cursor(previous, filter));
    }

    /// <summary>How many orders the list of the filter holds, counted as its page counts them (the 工作台's figures).</summary>
    public Task<ListCount> CountAsync(DubanUser user, OrderFilter filter, CancellationToken ct) => CountAsync(user, filter, Filtered(user, filter), ct);

    private async Task<ListCount> CountAsync(DubanUser user, OrderFilter filter, IQueryable<SupervisionOrder> filtered, CancellationToken ct) => counts is null
        ? ListCount.Exact(await filtered.CountAsync(ct))
        : await counts.CountAsync(db, $"orders|{user.Scope}|{user.ScopeRegionPath}|{user.OrganizationId}|{filter}", Seek(filtered, null, null).Select(o => o.Id),
            (services, token) => services.GetRequiredService<SupervisionQueries>().Filtered(user, filter).CountAsync(token), ct);

    private static async Task<List<OrderKey>> Keys(IQueryable<SupervisionOrder> orders, int group, CancellationToken ct) =>
        (await orders.Select(o => new { o.IssuedAt, o.Id }).ToListAsync(ct)).Select(o => new OrderKey(group, o.IssuedAt, o.Id)).ToList();

    /// <summary>
    /// Newest first: the orders after the cursor (older), or before it (newer, read oldest first); without a cursor, from
    /// the start of the list, or from its end when reading backward through the active list's groups. The issue time is
    /// also bounded on its own so that both databases start the index range there.
    /// </summary>
    private static IQueryable<SupervisionOrder> Seek(IQueryable<SupervisionOrder> orders, ListCursor? after, ListCursor? before, bool forceBackward = false)
    {
        if (after is not null)
        {
            var (at, id) = (ListCursor.Instant(after.Keys[^2])!.Value, after.Keys[^1]);
            orders = orders.Where(o => o.IssuedAt <= at && (o.IssuedAt < at || o.Id < id));
        }
        if (before is not null)
        {
            var (at, id) = (ListCursor.Instant(before.Keys[^2])!.Value, before.Keys[^1]);
            orders = orders.Where(o => o.IssuedAt >= at && (o.IssuedAt > at || o.Id > id));
        }
        return before is not null || forceBackward
            ? orders.OrderBy(o => o.IssuedAt).ThenBy(o => o.Id)
            : orders.OrderByDescending(o => o.IssuedAt).ThenByDescending(o => o.Id);
    }

    private static string? Cursor(OrderKey? key, OrderFilter filter) => key is null ? null
        : filter.Active ? new ListCursor("v", [key.Group, key.IssuedAt.ToUnixTimeMilliseconds(), key.Id]).Encode()
        : new ListCursor("o", [key.IssuedAt.ToUnixTimeMilliseconds(), key.Id]).Encode();

    /// <summary>The plans and organisations of the orders the user sees, for the list's filters.</summary>
    public async Task<(IReadOnlyList<(long Id, string Title)> Plans, IReadOnlyList<(long Id, string Name)> Organizations)> FilterChoicesAsync(DubanUser user, CancellationToken ct)
    {
        var orders = VisibleOrders(user);
        var plans = await db.Plans.AsNoTracking().Where(p => db.Tasks.Any(t => t.PlanId == p.Id && orders.Any(o => o.TaskId == t.Id))
                || db.Set<FilingRequirement>().Any(r => r.PlanId == p.Id && db.Set<Filing>().Any(f => f.RequirementId == r.Id && orders.Any(o => o.FilingId == f.Id))))
            .OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        var organizations = await db.Labels().Where(l => orders.Any(o => o.OrganizationId == l.Id)).OrderBy(l => l.Label).Select(l => new { l.Id, l.Label }).ToListAsync(ct);
        return (plans.Select(p => (p.Id, p.Title)).ToList(), organizations.Select(o => (o.Id, o.Label)).ToList());
    }

    public async Task<OrderDetail?> GetAsync(DubanUser user, long id, CancellationToken ct)
    {
        var summary = await Summaries(VisibleOrders(user).Where(o => o.Id == id)).SingleOrDefaultAsync(ct);
        if (summary is null) return null;
        var version = await db.Set<SupervisionOrder>().Where(o => o.Id == id).Select(o => o.Version).SingleAsync(ct);
        var replies = await db.Set<Rectification>().AsNoTracking().Where(r => r.OrderId == id).OrderByDescending(r => r.Number)
            .Select(r => new RectificationView(r.Number, r.Measures, r.NewDate, (db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault() ?? r.AuthorName), r.CreatedAt)).ToListAsync(ct);
        var reviews = (await db.Set<OrderReview>().AsNoTracking().Where(r => r.OrderId == id).OrderByDescending(r => r.Id)
                .Select(r => new { r.Decision, r.Comment, r.RectificationNumber, r.NewReplyBy, ReviewerName = (db.Users.Where(u => u.Id == r.ReviewerId).Select(u => u.DisplayName).FirstOrDefault() ?? r.ReviewerName), r.At }).ToListAsync(ct))
            .Select(r => new OrderReviewView(r.Decision, r.Decision.Label(), r.Comment, r.RectificationNumber, r.NewReplyBy, r.ReviewerName, r.At)).ToList();
        var open = summary.Status != OrderStatus.Closed;
        var canReply = user.Role == Role.Reporter && user.OrganizationId == summary.OrganizationId && open;
        var canClose = user.Role == Role.Admin && open && await rights.ForOrganizationAsync(user, summary.OrganizationId, ct);
        return new OrderDetail(summary, replies, reviews, canReply, canClose, canClose && summary.Status == OrderStatus.Answered, version);
    }

    /// <summary>
    /// The task's timeline, oldest first: the stored events, and the progress reports' submissions and reviews read
    /// from the reports themselves (they have their own history; copying them would make two).
    /// </summary>
    public async Task<TaskTimeline?> TimelineAsync(DubanUser user, long taskId, CancellationToken ct)
    {
        // A retired task's timeline stays readable: its history is kept (docs/supervision.md, "Correcting tasks").
        var task = await plans.VisibleTasks(user, includeRetired: true).Where(t => t.Id == taskId).Select(t => new { t.Id, t.No, t.Text, t.PlanId, t.RetiredAt }).SingleOrDefaultAsync(ct);
        if (task is null) return null;
        var own = user.Scope == DataScope.Own ? user.OrganizationId : null;
        var names = await db.Assignments.Where(a => a.TaskId == taskId).Select(a => new { a.OrganizationId, a.Organization!.Name }).Distinct()
            .ToDictionaryAsync(a => a.OrganizationId, a => a.Name, ct);

        var events = db.Set<TaskEvent>().AsNoTracking().Where(e => e.TaskId == taskId);
        if (own is not null) events = events.Where(e => e.OrganizationId == null || e.OrganizationId == own);
        var stored = await events.Select(e => new { e.At, e.Kind, ActorName = (e.ActorName == PersonName.SystemActor ? PersonName.System : db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault() ?? e.ActorName), e.Summary, e.OrganizationId, e.OrderId }).ToListAsync(ct);

        var reports = db.ProgressReports.AsNoTracking().Where(r => r.Assignment!.TaskId == taskId);
        if (own is not null) reports = reports.Where(r => r.Assignment!.OrganizationId == own);
        var submitted = await reports.Where(r => r.SubmittedAt != null)
            .Select(r => new { At = r.SubmittedAt!.Value, r.Assignment!.OrganizationId, r.Period!.Kind, r.Period.Start, r.Period.End, r.Late }).ToListAsync(ct);
        var reviews = await db.Reviews.AsNoTracking().Where(v => reports.Any(r => r.Id == v.ReportId))
            .Select(v => new { v.At, v.Decision, ReviewerName = (db.Users.Where(u => u.Id == v.ReviewerId).Select(u => u.DisplayName).FirstOrDefault() ?? v.ReviewerName), v.Comment, OrganizationId = db.ProgressReports.Where(r => r.Id == v.ReportId).Select(r => r.Assignment!.OrganizationId).First() })
            .ToListAsync(ct);

        var baselines = db.Set<BaselineReport>().AsNoTracking().Where(b => b.TaskId == taskId);
        if (own is not null) baselines = baselines.Where(b => b.OrganizationId == own);
        var stated = await baselines.Select(b => new { b.StatedAt, StatedByName = (db.Users.Where(u => u.Id == b.StatedById).Select(u => u.DisplayName).FirstOrDefault() ?? b.StatedByName), b.StatedByRole, b.OrganizationId, b.State, b.NewDate, b.Note }).ToListAsync(ct);

        string? Name(long? organization) => organization is { } o && names.TryGetValue(o, out var n) ? n : null;
        var entries = stored.Select(e => new TimelineEntry(e.At, e.Kind, e.Kind.Label(), e.ActorName, e.Summary, e.OrganizationId, Name(e.OrganizationId), e.OrderId))
            .Concat(submitted.Select(s => new TimelineEntry(s.At, TaskEventKind.ReportSubmitted, TaskEventKind.ReportSubmitted.Label(), Name(s.OrganizationId) ?? "",
                $"{Name(s.OrganizationId)}提交{new Core.Tracking.Periods.PeriodSpan(s.Kind, s.Start, s.End).Label}进展{(s.Late ? "（逾期报送）" : "")}", s.OrganizationId, Name(s.OrganizationId), null)))
            .Concat(reviews.Select(v =>
            {
                var kind = v.Decision == ReviewDecision.Approved ? TaskEventKind.ReportApproved : TaskEventKind.ReportReturned;
                var summary = v.Decision == ReviewDecision.Approved ? $"{Name(v.OrganizationId)}的进展审核通过" : $"{Name(v.OrganizationId)}的进展被退回：{v.Comment}";
                return new TimelineEntry(v.At, kind, kind.Label(), v.ReviewerName, summary, v.OrganizationId, Name(v.OrganizationId), null);
            }))
            .Concat(stated.Select(b => new TimelineEntry(b.StatedAt, TaskEventKind.Baseline, TaskEventKind.Baseline.Label(), b.StatedByName,
                BaselineSummary(Name(b.OrganizationId), b.StatedByRole, b.State, b.NewDate, b.Note), b.OrganizationId, Name(b.OrganizationId), null)))
            .OrderBy(e => e.At).ThenBy(e => e.Kind)
            .ToList();
        return new TaskTimeline(task.Id, task.No, task.Text, task.PlanId, entries) { Retired = task.RetiredAt is not null };
    }

    /// <summary>How a baseline statement reads on the timeline: whose, by whom, what, and the new date held to.</summary>
    private static string BaselineSummary(string? organization, Role statedBy, BaselineState state, DateOnly? newDate, string? note) =>
        $"{organization}{(statedBy == Role.Admin ? "（由管理员代为填报）" : "")}摸底："
        + (state == BaselineState.InProgress && newDate is { } d ? $"推进中（新的完成时间 {d.Year}年{d.Month}月{d.Day}日）" : state.Label())
        + (string.IsNullOrWhiteSpace(note) ? "" : $"。{note}");

    /// <summary>The organisations of a task the administrator answers for, for its forms (督办单, 约谈, 通报).</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> OrganizationsOfAsync(DubanUser admin, long taskId, CancellationToken ct) =>
        (await db.Assignments.AsNoTracking().Where(a => a.TaskId == taskId && db.Organizations.ActionableBy(admin).Any(o => o.Id == a.OrganizationId)).OrderBy(a => a.Id).Select(a => new { a.OrganizationId, a.Organization!.Name }).ToListAsync(ct))
        .DistinctBy(a => a.OrganizationId).Select(a => (a.OrganizationId, a.Name)).ToList();

    public async Task<IReadOnlyList<InstructionView>?> InstructionsAsync(DubanUser user, long taskId, CancellationToken ct)
    {
        if (!await SeesTaskAsync(user, taskId, ct)) return null;
        return await db.Set<Instruction>().AsNoTracking().Where(i => i.TaskId == taskId).OrderByDescending(i => i.Date).ThenByDescending(i => i.Id)
            .Select(i => new InstructionView(i.Id, i.TaskId, i.LeaderName, i.Text, i.Date, (db.Users.Where(u => u.Id == i.RecordedById).Select(u => u.DisplayName).FirstOrDefault() ?? i.RecordedByName), i.RecordedAt)).ToListAsync(ct);
    }

    /// <summary>The orders as listed: a task's with its task, a filing's with the plan that required it (left joins: neither is dropped).</summary>
    private IQueryable<OrderSummary> Summaries(IQueryable<SupervisionOrder> orders) =>
        from o in orders
        join t in db.Tasks on o.TaskId equals (long?)t.Id into taskRows
        from t in taskRows.DefaultIfEmpty()
        join f in db.Set<Filing>() on o.FilingId equals (long?)f.Id into filingRows
        from f in filingRows.DefaultIfEmpty()
        join r in db.Set<FilingRequirement>() on (f == null ? null : (long?)f.RequirementId) equals (long?)r.Id into requirementRows
        from r in requirementRows.DefaultIfEmpty()
        join g in db.Labels() on o.OrganizationId equals g.Id
        select new OrderSummary(o.Id, o.Number, o.TaskId, t == null ? null : t.No, t == null ? null : t.Text, t != null ? t.PlanId : r!.PlanId, o.OrganizationId, g.Label, o.Reason,
            o.IssuedAt, (o.IssuedByName == PersonName.SystemActor ? PersonName.System : db.Users.Where(u => u.Id == o.IssuedById).Select(u => u.DisplayName).FirstOrDefault() ?? o.IssuedByName),
            o.ReplyBy, o.Status, o.Origin, o.Rectifications.Count,
            o.FilingId, r == null ? null : (FilingKind?)r.Kind, r == null ? null : db.Plans.Where(p => p.Id == r.PlanId).Select(p => p.Title).FirstOrDefault());
}
