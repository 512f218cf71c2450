using System.Globalization;
using Duban.Core.Import;
using Duban.Core.Plans;
using Duban.Parsing.Serialization;
using Duban.Core.Security;
using Duban.Data;
using Duban.Data.Tracking.Status;
using Duban.Data.TaskOrder;
using Duban.Core.Tracking.Status;
using UnitRole = Duban.Parsing.Model.UnitRole;
using Duban.Web.Operations;
using Duban.Web.Paging;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Plans;

public sealed record PlanSummary(
    long Id,
    string Title,
    string? DocNumber,
    string? Issuer,
    DateOnly? IssueDate,
    long? RegionId,
    string? RegionName,
    PlanStatus Status,
    int TaskCount,
    long? CurrentVersionId,
    Guid Version);

public sealed record UnitView(long OrganizationId, string Name, bool Primary);

public sealed record TaskView(
    long Id,
    long PlanId,
    string? PlanTitle,
    long TaskListId,
    string Key,
    string No,
    string SectionPath,
    string Text,
    string? DeadlineRaw,
    DateOnly? Due,
    DateOnly? Start,
    bool Ongoing,
    int SpanStart,
    int SpanEnd,
    IReadOnlyList<UnitView> Leads,
    IReadOnlyList<UnitView> Cooperating);

public sealed record TaskListView(long Id, string Name, int Order, bool InAnnex, bool IsTable, IReadOnlyList<TaskView> Tasks)
{
    /// <summary>Where the list's tasks come from: the document, or a 交办事项 (docs/supervision.md).</summary>
    public TaskListSource Source { get; init; }

    public string? SourceInstructor { get; init; }

    public DateOnly? SourceDate { get; init; }

    public string? SourceReference { get; init; }
}

/// <param name="AllTasks">False when the reader sees only the tasks in their scope (an unpublished plan read by a reporter):
/// then neither the document's text nor the diff between versions is theirs to read.</param>
public sealed record PlanDetail(PlanSummary Plan, int? VersionNumber, IReadOnlyList<TaskListView> TaskLists, bool AllTasks);

/// <param name="ImportedBy">The display name of the user who imported the version; null for the system or a removed user.</param>
public sealed record PlanVersionView(long Id, int Number, string FileName, string Sha256, int Size, DateTimeOffset ImportedAt, bool Current, string? ImportedBy);

/// <summary>One task's fate between two versions: keys and texts before and after, what changed, how it was paired.</summary>
public sealed record TaskDiffView(TaskDiffKind Kind, string? BeforeKey, string? AfterKey, string? BeforeText, string? AfterText,
    string? BeforeDeadline, string? AfterDeadline, IReadOnlyList<string> Changes, TaskPairing? PairedBy, bool Renumbered,
    IReadOnlyList<UnitSnapshot> BeforeUnits, IReadOnlyList<UnitSnapshot> AfterUnits);

public sealed record PlanDiffView(int From, int To, int Added, int Removed, int Changed, int Unchanged, IReadOnlyList<TaskDiffView> Tasks);

/// <param name="Path">The region path, "/1/5/": its depth tells the level of indentation.</param>

public enum TaskSort
{
    Due,
    Number,
}

/// <param name="RegionId">The region and every region under it (by the region path).</param>
public sealed record PlanFilter(PlanStatus? Status, long? RegionId);

public sealed record TaskFilter(long? PlanId, long? OrganizationId, UnitRole? Role, DateOnly? DueFrom, DateOnly? DueTo, bool? Ongoing, TaskSort Sort)
{
    public static TaskFilter None { get; } = new(null, null, null, null, null, null, TaskSort.Due);

    /// <summary>The region and every region under it: tasks of a plan of the region, or assigned to an organisation in it.</summary>
    public long? RegionId { get; init; }

    /// <summary>The task's status by the tracking rules (docs/status-rules.md), computed by <see cref="TrackingStatuses"/>.</summary>
    public TrackingStatus? Status { get; init; }

    /// <summary>
    /// Only tasks of several leads of which some, not all, have completed (2 个牵头单位中 1 个已完成): not yet 已完成,
    /// and the 总览 says how many (<see cref="Duban.Core.Tracking.Status.StatusReasons.LeadsCompleted"/>).
    /// </summary>
    public bool PartlyCompleted { get; init; }

    /// <summary>The filter needs the rules' statuses: the ones stored on the tasks, brought up to date first (<see cref="StoredTaskStatuses"/>).</summary>
    public bool NeedsStatuses => Status is not null || PartlyCompleted;

    /// <summary>Reads the filters as a client wrote them; a wrong value names its field.</summary>
    public static Outcome<TaskFilter> Parse(long? planId, long? organizationId, string? role, string? dueFrom, string? dueTo, bool? ongoing, string? sort,
        string? status = null, long? regionId = null, bool? partlyCompleted = null)
    {
        TrackingStatus? trackingStatus = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<TrackingStatus>(status.Trim(), ignoreCase: true, out var parsedStatus) || !Enum.IsDefined(parsedStatus) || int.TryParse(status, out _))
                return Outcome<TaskFilter>.Invalid("status", "status（状态）必须是 notStarted（未开始）、inProgress（推进中）、completed（已完成）、dueSoon（即将到期）、"
                    + "overdue（逾期）、ongoingOnTrack（长期推进·正常）或 ongoingMissingReport（长期推进·缺报）。");
            trackingStatus = parsedStatus;
        }
        UnitRole? unitRole = null;
        if (!string.IsNullOrWhiteSpace(role))
        {
            if (!Enum.TryParse<UnitRole>(role.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return Outcome<TaskFilter>.Invalid("role", "role（角色）必须是 lead（牵头单位）或 cooperating（配合单位）。");
            unitRole = parsed;
        }
        if (!TryDate(dueFrom, out var from)) return Outcome<TaskFilter>.Invalid("dueFrom", "dueFrom（截止日期起）必须是 yyyy-MM-dd 格式的日期，例如 2021-07-31。");
        if (!TryDate(dueTo, out var to)) return Outcome<TaskFilter>.Invalid("dueTo", "dueTo（截止日期止）必须是 yyyy-MM-dd 格式的日期，例如 2021-07-31。");
        if (from is { } f && to is { } t && f > t) return Outcome<TaskFilter>.Invalid("dueTo", "dueTo（截止日期止）不能早于 dueFrom（截止日期起）。");
        TaskSort order;
        if (string.IsNullOrWhiteSpace(sort)) order = TaskSort.Due;
        else if (!Enum.TryParse(sort.Trim(), ignoreCase: true, out order) || !Enum.IsDefined(order))
            return Outcome<TaskFilter>.Invalid("sort", "sort（排序）必须是 due（按截止日期）或 number（按编号）。");
        return Outcome<TaskFilter>.Ok(new(planId, organizationId, unitRole, from, to, ongoing, order)
            { RegionId = regionId, Status = trackingStatus, PartlyCompleted = partlyCompleted == true });
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return false;
        date = value;
        return true;
    }
}

/// <summary>
/// Plans and tasks as a user may read them, for pages and API alike. Anonymous visitors read published plans; signed-in
/// users read published plans and the plans in their scope. Tasks are read within the user's scope only (a reporter
/// sees the tasks assigned to their organisation), except in the reader of a published plan, which is public.
/// Only the tasks of a plan's current version are listed. A list filtered by status reads the statuses stored on the tasks
/// (<paramref name="stored"/>, the application's; without it, one of this instance's own over <paramref name="kept"/>,
/// which computes every plan on its first call). With <paramref name="counts"/>, a
/// long list's count is kept between calls (<see cref="ListCounts"/>); without it every list is counted exactly.
/// </summary>
public sealed class PlanQueries(DubanDbContext db, TimeProvider? time = null, PlanStatusCache? kept = null, ListCounts? counts = null,
    StoredTaskStatuses? stored = null)
{
    /// <summary>The statuses stored on the tasks; without the application's, this instance's own (which computes every plan once).</summary>
    private readonly StoredTaskStatuses stored = stored ?? new StoredTaskStatuses(kept ?? new PlanStatusCache(time ?? TimeProvider.System), time ?? TimeProvider.System);

    public IQueryable<Plan> VisiblePlans(DubanUser? user)
    {
        var plans = db.Plans.AsNoTracking();
        if (user is null) return plans.Where(p => p.Status == PlanStatus.Published);
        switch (user.Scope, user.ScopeRegionPath)
        {
            case (DataScope.All, _):
                return plans;
            case (DataScope.RegionAndBelow, { } path):
                var inRegion = VisibleTasks(user).Select(t => t.PlanId);
                return plans.Where(p => p.Status == PlanStatus.Published || (p.Region != null && p.Region.Path.StartsWith(path)) || inRegion.Contains(p.Id));
            case (DataScope.Own, _) when user.OrganizationId is not null:
                var own = VisibleTasks(user).Select(t => t.PlanId);
                return plans.Where(p => p.Status == PlanStatus.Published || own.Contains(p.Id));
            default:
                return plans.Where(p => p.Status == PlanStatus.Published);
        }
    }

    /// <summary>
    /// The visible plans the user reads whole (every task, the document text, the diff between versions): published
    /// plans, every plan for scope 全部, and for a region scope the plans filed in its region, all of whose tasks are in
    /// scope. Anyone else reading a draft, a reporter holding some of its tasks say, gets those tasks and nothing of
    /// the rest: not the text, in which the other organisations' tasks stand.
    /// </summary>
    private IQueryable<Plan> WholePlans(DubanUser? user) => (user?.Scope, user?.ScopeRegionPath) switch
    {
        (DataScope.All, _) => VisiblePlans(user),
        (DataScope.RegionAndBelow, { } path) => VisiblePlans(user).Where(p => p.Status == PlanStatus.Published || (p.Region != null && p.Region.Path.StartsWith(path))),
        _ => VisiblePlans(user).Where(p => p.Status == PlanStatus.Published),
    };

    /// <summary>The current tasks (not removed by a later version) in the user's scope.</summary>
    /// <param name="includeRetired">Also the tasks the office retired by hand (the task page and the editing API show them, marked 已退役, with their history).</param>
    public IQueryable<PlanTask> VisibleTasks(DubanUser user, bool includeRetired = false)
    {
        var tasks = includeRetired ? db.Tasks.AsNoTracking().Where(t => t.RemovedInVersionId == null || t.RetiredAt != null) : CurrentTasks();
        return (user.Scope, user.ScopeRegionPath) switch
        {
            (DataScope.All, _) => tasks,
            // "a.TaskId <= t.Id" says nothing new (a.TaskId == t.Id): it keeps PostgreSQL from turning the test into a
            // hash of every assignment in the region built before the first row (550 ms for a province), so that a page
            // read along the sort index tests only the tasks it reads (docs/benchmarks.md, "Task list at size").
            (DataScope.RegionAndBelow, { } path) => tasks.Where(t =>
                t.Assignments.Any(a => a.TaskId <= t.Id && a.Organization!.Region!.Path.StartsWith(path))
                || db.Plans.Any(p => p.Id == t.PlanId && p.Region != null && p.Region.Path.StartsWith(path))),
            (DataScope.Own, _) when user.OrganizationId is { } own => tasks.Where(t => AssignedTo(own).Contains(t.Id)),
            _ => tasks.Where(t => false),
        };
    }

    /// <summary>
    /// An organisation's assignments of the current tasks the user sees. For a user who sees every task, or whose scope
    /// is that very organisation, the task is read once, by the join: the general form (the organisation's assignments
    /// whose task is among <see cref="VisibleTasks"/>) read each of the organisation's ~2 000 tasks twice by key on
    /// PostgreSQL, and again its assignments, on every visit to 我的任务 and the 工作台 (docs/benchmarks.md).
    /// </summary>
    public IQueryable<Assignment> AssignmentsOf(DubanUser user, long organizationId)
    {
        var assignments = db.Assignments.AsNoTracking().Where(a => a.OrganizationId == organizationId);
        if (user.Scope == DataScope.All || (user.Scope == DataScope.Own && user.OrganizationId == organizationId))
            return assignments.Where(a => a.Task!.RemovedInVersionId == null);
        var visible = VisibleTasks(user).Select(t => t.Id);
        return assignments.Where(a => visible.Contains(a.TaskId));
    }

    /// <summary>
    /// The day (China's calendar) each plan was imported: a period that ended before it is owed by nobody, since nobody
    /// could report it in this system (<see cref="Duban.Data.Tracking.Status.TrackingStatuses.ClosedPeriods"/>).
    /// </summary>
    public async Task<Dictionary<long, DateOnly>> ImportDaysAsync(List<long> planIds, CancellationToken ct) =>
        (await db.Plans.AsNoTracking().Where(p => EF.Parameter(planIds).Contains(p.Id)).Select(p => new { p.Id, p.CreatedAt }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => Duban.Core.Tracking.Periods.ChinaCalendar.Today(p.CreatedAt));

    /// <summary>
    /// The ids of the tasks an organisation is assigned to (in a role). Written as <c>Id IN (…)</c> rather than
    /// <c>t.Assignments.Any(…)</c>: SQLite runs an EXISTS as a subquery per task, scanning every task of every plan,
    /// while an IN list starts from the organisation's assignments (docs/benchmarks.md).
    /// </summary>
    private IQueryable<long> AssignedTo(long organizationId, UnitRole? role = null) =>
        role is { } r
            ? db.Assignments.Where(a => a.OrganizationId == organizationId && a.Role == r).Select(a => a.TaskId)
            : db.Assignments.Where(a => a.OrganizationId == organizationId).Select(a => a.TaskId);


    /// <summary>Tasks no later version removed: exactly those on a list of their plan's current version.</summary>
    private IQueryable<PlanTask> CurrentTasks() => db.Tasks.AsNoTracking().Where(t => t.RemovedInVersionId == null);

    public async Task<Paged<PlanSummary>> ListPlansAsync(DubanUser? user, PlanFilter filter, PageRequest page, CancellationToken ct)
    {
        var plans = VisiblePlans(user);
        if (filter.Status is { } status) plans = plans.Where(p => p.Status == status);
        if (filter.RegionId is { } region)
        {
            // An unknown region matches nothing rather than everything.
            var path = await db.Regions.Where(r => r.Id == region).Select(r => r.Path).SingleOrDefaultAsync(ct) ?? "?";
            plans = plans.Where(p => p.Region != null && p.Region.Path.StartsWith(path));
        }
        return await Summaries(plans.OrderByDescending(p => p.IssueDate).ThenByDescending(p => p.Id)).ToPagedAsync(page, ct);
    }

    /// <summary>
    /// The regions that hold a plan the user may see, with the regions above them: the scope of the plan list's region
    /// filter. The regions of the visible plans are read once, their ancestors taken from their paths ("/1/16/17/" names
    /// its regions by id): testing every region against every visible plan cost a scan of the plans per region, several
    /// times over as the picker asks the scope (docs/benchmarks.md, "Reporter's pages at province scale").
    /// </summary>
    public async Task<IQueryable<Duban.Core.Regions.Region>> PlanRegionsAsync(DubanUser? user, CancellationToken ct)
    {
        var held = VisiblePlans(user).Where(p => p.RegionId != null).Select(p => p.RegionId!.Value).Distinct();
        var paths = await db.Regions.AsNoTracking().Where(r => held.Contains(r.Id)).Select(r => r.Path).ToListAsync(ct);
        var ids = paths.SelectMany(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries)).Distinct()
            .Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList();
        return db.Regions.AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.Id));
    }

    private IQueryable<PlanSummary> Summaries(IQueryable<Plan> plans) =>
        plans.Select(p => new PlanSummary(p.Id, p.Title, p.DocNumber, p.Issuer, p.IssueDate, p.RegionId, p.Region != null ? p.Region.Name : null, p.Status,
            db.Tasks.Count(t => t.PlanId == p.Id && t.RemovedInVersionId == null), p.CurrentVersionId, p.Version));

    public async Task<PlanDetail?> GetPlanAsync(DubanUser? user, long id, CancellationToken ct)
    {
        var plan = await Summaries(VisiblePlans(user).Where(p => p.Id == id)).SingleOrDefaultAsync(ct);
        if (plan is null) return null;
        var all = await WholePlans(user).AnyAsync(p => p.Id == id, ct);
        var versionNumber = await db.PlanVersions.Where(v => v.Id == plan.CurrentVersionId).Select(v => (int?)v.Number).SingleOrDefaultAsync(ct);
        var lists = await db.TaskLists.AsNoTracking().Where(l => l.PlanVersionId == plan.CurrentVersionId).OrderBy(l => l.Order).ToListAsync(ct);
        var tasks = (all ? CurrentTasks() : VisibleTasks(user!)).Where(t => t.PlanId == id);
        var views = await ToViewsAsync(tasks.OrderBy(t => t.Order).ThenBy(t => t.Id), ct);
        var byList = views.ToLookup(t => t.TaskListId);
        return new PlanDetail(plan, versionNumber,
            lists.Select(l => new TaskListView(l.Id, l.Name, l.Order, l.InAnnex, l.IsTable, byList[l.Id].ToList())
            {
                Source = l.Source, SourceInstructor = l.SourceInstructor, SourceDate = l.SourceDate, SourceReference = l.SourceReference,
            }).Where(l => all || l.Tasks.Count > 0).ToList(), all);
    }

    /// <summary>The text of the plan's current version, for the reader; null unless the user reads the plan whole.</summary>
    public Task<string?> CurrentTextAsync(DubanUser? user, long id, CancellationToken ct) =>
        WholePlans(user).Where(p => p.Id == id)
            .Select(p => db.PlanVersions.Where(v => v.Id == p.CurrentVersionId).Select(v => v.Text).FirstOrDefault())
            .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<PlanVersionView>?> VersionsAsync(DubanUser? user, long id, CancellationToken ct)
    {
        var plan = await VisiblePlans(user).Where(p => p.Id == id).Select(p => new { p.CurrentVersionId }).SingleOrDefaultAsync(ct);
        if (plan is null) return null;
        // Who imported a version is for signed-in readers; anonymous visitors of a published plan get the rest.
        var named = user is not null;
        return await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == id).OrderBy(v => v.Number)
            .Select(v => new PlanVersionView(v.Id, v.Number, v.FileName, v.Sha256, v.Content.Length, v.ImportedAt, v.Id == plan.CurrentVersionId,
                named ? db.Users.Where(u => u.Id == v.ImportedById).Select(u => u.DisplayName).FirstOrDefault() : null))
            .ToListAsync(ct);
    }

    /// <summary>
    /// What changed between two versions of a plan (<see cref="PlanDiff"/> over their parsed documents). Only for readers who
    /// see all of the plan's tasks (<see cref="WholePlans"/>); not found otherwise, as for a plan that is not visible.
    /// </summary>
    public async Task<Outcome<PlanDiffView>> DiffAsync(DubanUser? user, long id, int from, int to, CancellationToken ct)
    {
        if (!await WholePlans(user).AnyAsync(p => p.Id == id, ct)) return Outcome<PlanDiffView>.NotFound("未找到该计划。");
        var versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == id && (v.Number == from || v.Number == to))
            .Select(v => new { v.Number, v.ParsedJson }).ToListAsync(ct);
        var before = versions.FirstOrDefault(v => v.Number == from);
        if (before is null) return Outcome<PlanDiffView>.Invalid("from", $"该计划没有第 {from} 版。");
        var after = versions.FirstOrDefault(v => v.Number == to);
        if (after is null) return Outcome<PlanDiffView>.Invalid("to", $"该计划没有第 {to} 版。");
        var diff = PlanDiff.Compare(PlanJson.Deserialize(before.ParsedJson), PlanJson.Deserialize(after.ParsedJson));
        var tasks = diff.Tasks.Select(t => new TaskDiffView(t.Kind, t.Before?.Key, t.After?.Key, t.Before?.Text, t.After?.Text, t.Before?.Deadline, t.After?.Deadline,
            Enum.GetValues<TaskChanges>().Where(c => c != TaskChanges.None && t.Changes.HasFlag(c)).Select(c => JsonNamingPolicyCamel(c.ToString())).ToList(),
            t.PairedBy, t.Renumbered, t.Before?.Units ?? [], t.After?.Units ?? [])).ToList();
        return Outcome<PlanDiffView>.Ok(new PlanDiffView(from, to, diff.Added, diff.Removed, diff.Changed, diff.Unchanged, tasks));
    }

    private static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>The visible tasks that pass the filter's conditions other than <see cref="TaskFilter.Status"/> (which needs the rules).</summary>
    public async Task<IQueryable<PlanTask>> FilteredTasksAsync(DubanUser user, TaskFilter filter, CancellationToken ct)
    {
        var tasks = VisibleTasks(user);
        if (filter.RegionId is { } regionId)
        {
            // An unknown region matches nothing rather than everything.
            var path = await db.Regions.Where(r => r.Id == regionId).Select(r => r.Path).SingleOrDefaultAsync(ct) ?? "?";
            tasks = tasks.Where(t => t.Assignments.Any(a => a.Organization!.Region!.Path.StartsWith(path))
                || db.Plans.Any(p => p.Id == t.PlanId && p.Region != null && p.Region.Path.StartsWith(path)));
        }
        if (filter.PlanId is { } plan) tasks = tasks.Where(t => t.PlanId == plan);
        var organization = filter.OrganizationId ?? (filter.Role is not null && user.Scope == DataScope.Own ? user.OrganizationId : null);
        if (organization is { } org)
            tasks = tasks.Where(t => AssignedTo(org, filter.Role).Contains(t.Id));
        else if (filter.Role is { } role)
            tasks = tasks.Where(t => t.Assignments.Any(a => a.Role == role));
        if (filter.DueFrom is { } from) tasks = tasks.Where(t => t.Due >= from);
        if (filter.DueTo is { } to) tasks = tasks.Where(t => t.Due <= to);
        if (filter.Ongoing is { } ongoing) tasks = tasks.Where(t => t.Ongoing == ongoing);
        return tasks;
    }

    /// <summary>
    /// One page of the tasks of <see cref="FilteredTasksAsync"/> in the filter's order, with their status when the filter
    /// asks for one: by page number (offset, for the first pages and older links) or after / before a cursor (keyset, any
    /// depth at the cost of the first page). Every page reads one more row than it shows, to know whether one follows.
    /// </summary>
    public async Task<KeysetPage<TaskView>> ListTasksAsync(DubanUser user, TaskFilter filter, KeysetRequest request, CancellationToken ct)
    {
        var size = request.Page.PageSize;
        var after = request.After is { } a ? TaskCursor.Parse(a, filter.Sort) : null;
        var before = request.Before is { } b ? TaskCursor.Parse(b, filter.Sort) : null;
        List<TaskPosition> keys;
        ListCount count;
        var backwards = before is not null;
        var byDue = filter.Sort == TaskSort.Due;
        var filtered = await ListedTasksAsync(user, filter, ct);
        // One organisation's tasks are found by its assignments, not by walking the sort index (TaskKeyset.Ordered); the
        // partly completed tasks, few, by their own index.
        var narrow = Narrow(user, filter) || filter.PartlyCompleted;
        IQueryable<long> listed;
        if (OrganizationWalk(user, filter, request) is { } organization)
        {
            // One organisation's list in due order, alone or by status: a walk of its assignments' copies of the keys
            // (OrganizationTaskWalk), the status tested per task read (docs/benchmarks.md, "One organisation's list").
            var rows = OrganizationTaskWalk.Rows(db.Assignments.AsNoTracking(), organization);
            if (filter.Status is { } status)
            {
                var value = (int)status;
                rows = rows.Where(a => db.Tasks.Any(t => t.Id == a.TaskId && EF.Property<int?>(t, StoredTaskStatuses.Status) + 0 == value));
            }
            keys = await OrganizationTaskWalk.ReadAsync(rows, (after ?? before)?.Keys, backwards, size + 1, ct);
            listed = rows.Select(a => a.TaskId).Distinct().OrderBy(id => id);
        }
        else
        {
            var page = (after, before) switch
            {
                ({ } c, _) => TaskKeyset.Ordered(TaskKeyset.After(filtered, c.Keys, byDue), byDue, narrow: narrow),
                (_, { } c) => TaskKeyset.Ordered(TaskKeyset.Before(filtered, c.Keys, byDue), byDue, descending: true, narrow: narrow),
                _ => TaskKeyset.Ordered(filtered, byDue, narrow: narrow).Skip(request.Page.Skip),
            };
            keys = await page.Take(size + 1).Select(TaskPosition.Of).ToListAsync(ct);
            listed = TaskKeyset.Ordered(filtered, byDue, narrow: narrow).Select(t => t.Id);
        }
        count = await CountListedAsync(user, filter, listed, ct);
        var more = keys.Count > size;
        if (more) keys.RemoveAt(size);
        if (backwards) keys.Reverse();
        var ids = keys.Select(k => k.Id).ToList();
        var views = (await ToViewsAsync(db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)), ct)).ToDictionary(v => v.Id);
        var items = ids.Select(id => views[id]).ToList();
        string? Cursor(TaskPosition k) => new TaskCursor(filter.Sort, k).Encode();
        // Forward, a page has one before it when it was reached by a cursor or a page number past the first; backward,
        // one after it always (the cursor's own row), and one before it when the extra row was there.
        var next = keys.Count == 0 ? null : backwards || more ? Cursor(keys[^1]) : null;
        var previous = keys.Count == 0 ? null : backwards ? (more ? Cursor(keys[0]) : null) : after is not null || request.Page.Skip > 0 ? Cursor(keys[0]) : null;
        return new KeysetPage<TaskView>(items, request.Page.Page, size, count, next, previous);
    }

    /// <summary>
    /// The organisation whose list this is, when it is read by <see cref="OrganizationTaskWalk"/>: one organisation's
    /// tasks in due order (a reporter's 本单位, or any organisation's for a reader who sees all), with no filter but the
    /// status, from the start or a cursor. Page numbers past the first, other filters and the sort by number read the tasks.
    /// </summary>
    private static long? OrganizationWalk(DubanUser user, TaskFilter filter, KeysetRequest request)
    {
        if (filter with { OrganizationId = null, Status = null } != TaskFilter.None) return null;
        if (request.After is null && request.Before is null && request.Page.Skip > 0) return null;
        return (user.Scope, user.OrganizationId, filter.OrganizationId) switch
        {
            (DataScope.Own, { } own, var asked) when asked is null || asked == own => own,
            (DataScope.All, _, { } asked) => asked,
            _ => null,
        };
    }

    /// <summary>The list is one organisation's tasks, found by its assignments rather than along an index of all tasks.</summary>
    private static bool Narrow(DubanUser user, TaskFilter filter) => user.Scope == DataScope.Own || filter.OrganizationId is not null;

    /// <summary>
    /// How many tasks the list of the filter holds, counted as the list's own page counts them (bounded, then kept for a
    /// long list): the 工作台's figures, which must equal the list they link to and not cost more as it grows.
    /// </summary>
    public async Task<ListCount> CountListAsync(DubanUser user, TaskFilter filter, CancellationToken ct) =>
        await CountListedAsync(user, filter, TaskKeyset.Ordered(await ListedTasksAsync(user, filter, ct), filter.Sort == TaskSort.Due,
            narrow: Narrow(user, filter) || filter.PartlyCompleted).Select(t => t.Id), ct);

    /// <param name="listed">The list's tasks in the list's order (<see cref="ListCounts.CountAsync"/> counts the first ones).</param>
    private async Task<ListCount> CountListedAsync(DubanUser user, TaskFilter filter, IQueryable<long> listed, CancellationToken ct) => counts is null
        ? ListCount.Exact(await listed.CountAsync(ct))
        : await counts.CountAsync(db, CountKey(user, filter), listed,
            (services, token) => services.GetRequiredService<PlanQueries>().CountTasksAsync(user, filter, token), ct);

    /// <summary>The number of tasks of the filtered list, counted exactly (the kept counts' background count, the workbench).</summary>
    public async Task<int> CountTasksAsync(DubanUser user, TaskFilter filter, CancellationToken ct) =>
        await (await ListedTasksAsync(user, filter, ct)).CountAsync(ct);

    /// <summary>What the rows of a list depend on: the reader's scope (not who the reader is) and the filter.</summary>
    /// A list filtered by status also depends on the day: statuses change at midnight without any write.
    private string CountKey(DubanUser user, TaskFilter filter) =>
        $"tasks|{user.Scope}|{user.ScopeRegionPath}|{user.OrganizationId}|{filter}" + (filter.NeedsStatuses ? $"|{TrackingDay.Today(time ?? TimeProvider.System):yyyy-MM-dd}" : "");

    /// <summary>
    /// The ids of every task of the filtered list, in the list's order, all pages together, at most <paramref name="max"/>:
    /// what an export of the list holds, so that the file and the list are one query (docs/web.md, "Exports"). One
    /// walk along the list's index, which is also the export's bounded count (<c>max</c> = a sheet's rows + 1): ids only,
    /// 8 bytes a task (2 MB for 250 000; 8 MB at a sheet's limit), while the rows are read a batch at a time by id. It
    /// replaces a count and then a keyset query per batch (251 for the province), each of which started at the batch's
    /// due date and stepped over the tasks already read: 83 000 undated tasks share one key there (docs/benchmarks.md,
    /// "Exports at size").
    /// </summary>
    public async Task<List<long>> ListedTaskIdsAsync(DubanUser user, TaskFilter filter, int max, CancellationToken ct) =>
        await TaskKeyset.Ordered(await ListedTasksAsync(user, filter, ct), filter.Sort == TaskSort.Due, narrow: filter.PartlyCompleted)
            .Select(t => t.Id).Take(max).ToListAsync(ct);

    /// <summary>
    /// The tasks of the list: <see cref="FilteredTasksAsync"/> and, when the filter asks for a status, the tasks whose
    /// stored status (<see cref="StoredTaskStatuses"/>, brought up to date first) is that one. The status is the rules'
    /// verdict, the same computation the 总览 counts with, so that a count and the list it links to agree; stored on the
    /// task, it is read along an index in the list's order like the plain list (docs/benchmarks.md, "Task list at size").
    /// </summary>
    private async Task<IQueryable<PlanTask>> ListedTasksAsync(DubanUser user, TaskFilter filter, CancellationToken ct)
    {
        if (filter.NeedsStatuses) await stored.EnsureAsync(db, ct);
        var tasks = await FilteredTasksAsync(user, filter, ct);
        if (filter.Status is { } status)
        {
            var value = (int)status;
            // One organisation's tasks are found by its assignments: "+ 0" keeps SQLite from walking every task of the
            // status in the province by the status index instead (29 ms instead of a few, docs/benchmarks.md).
            tasks = Narrow(user, filter)
                ? tasks.Where(t => EF.Property<int?>(t, StoredTaskStatuses.Status) + 0 == value)
                : tasks.Where(t => EF.Property<int?>(t, StoredTaskStatuses.Status) == value);
        }
        if (filter.PartlyCompleted) tasks = tasks.Where(t => EF.Property<bool>(t, StoredTaskStatuses.PartlyCompleted));
        return tasks;
    }

    /// <summary>
    /// The plans with a current task the user sees, by title: the choices of the task list's plan filter; null when there
    /// are more than <paramref name="max"/>, which no drop-down serves (the page then asks for the plan's number). Read
    /// without the per-task scope test, which costs a scan of every task: for a region scope, the plans filed in the region
    /// (counted first, cheaply) and the plans of tasks assigned to its organisations (by the assignments' index).
    /// </summary>
    public async Task<IReadOnlyList<(long Id, string Title)>?> TaskPlanChoicesAsync(DubanUser user, int max, CancellationToken ct)
    {
        var current = CurrentTasks();
        IQueryable<long> planIds;
        switch (user.Scope, user.ScopeRegionPath)
        {
            case (DataScope.RegionAndBelow, { } path):
                var filed = db.Plans.Where(p => p.Region != null && p.Region.Path.StartsWith(path) && current.Any(t => t.PlanId == p.Id)).Select(p => p.Id);
                if (await filed.OrderBy(id => id).Take(max + 1).CountAsync(ct) > max) return null;
                var organizations = db.Organizations.Where(o => o.Region!.Path.StartsWith(path)).Select(o => o.Id);
                var assigned = db.Assignments.Where(a => organizations.Contains(a.OrganizationId) && a.Task!.RemovedInVersionId == null).Select(a => a.Task!.PlanId);
                planIds = filed.Union(assigned);
                break;
            case (DataScope.All, _):
                planIds = db.Plans.Where(p => current.Any(t => t.PlanId == p.Id)).Select(p => p.Id);
                break;
            default:
                planIds = VisibleTasks(user).Select(t => t.PlanId).Distinct();
                break;
        }
        var rows = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).Take(max + 1).ToListAsync(ct);
        return rows.Count > max ? null : rows.Select(p => (p.Id, p.Title)).ToList();
    }

    /// <summary>One task of the current versions, if the user sees it (the task page); null otherwise.</summary>
    /// <param name="includeRetired">Also a task the office retired by hand (its page shows it, marked 已退役, with its history).</param>
    public async Task<TaskView?> GetTaskAsync(DubanUser user, long id, CancellationToken ct, bool includeRetired = false) =>
        (await ToViewsAsync(VisibleTasks(user, includeRetired).Where(t => t.Id == id), ct)).SingleOrDefault();

    /// <summary>Every visible task assigned to the organisation, by plan and number (a reporter's 我的任务).</summary>
    public Task<List<TaskView>> OrganizationTasksAsync(DubanUser user, long organizationId, CancellationToken ct) =>
        ToViewsAsync(VisibleTasks(user).Where(t => AssignedTo(organizationId, null).Contains(t.Id))
            .OrderBy(t => t.PlanId).ThenBy(t => t.TaskList!.Order).ThenBy(t => t.Order).ThenBy(t => t.Id), ct);

    /// <summary>The tasks of these ids the user sees, with their plan title and units, by id (the rows a page shows).</summary>
    public async Task<IReadOnlyDictionary<long, TaskView>> TaskViewsAsync(DubanUser user, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        ids.Count == 0 ? new Dictionary<long, TaskView>() : (await ToViewsAsync(VisibleTasks(user).Where(t => ids.Contains(t.Id)), ct)).ToDictionary(v => v.Id);

    private async Task<List<TaskView>> ToViewsAsync(IQueryable<PlanTask> tasks, CancellationToken ct)
    {
        var rows = await tasks.Select(t => new
        {
            t.Id, t.PlanId, PlanTitle = db.Plans.Where(p => p.Id == t.PlanId).Select(p => p.Title).FirstOrDefault(), t.TaskListId, t.Key, t.No, t.SectionPath, t.Text,
            t.DeadlineRaw, t.Due, t.Start, t.Ongoing, t.SpanStart, t.SpanEnd,
        }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var assignments = await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.TaskId))
            .OrderBy(a => a.Id)
            .Select(a => new { a.TaskId, a.OrganizationId, Name = a.Organization!.Name, a.Role, a.Primary })
            .ToListAsync(ct);
        var byTask = assignments.ToLookup(a => a.TaskId);
        return rows.Select(r => new TaskView(r.Id, r.PlanId, r.PlanTitle, r.TaskListId, r.Key, r.No, r.SectionPath, r.Text, r.DeadlineRaw, r.Due, r.Start, r.Ongoing,
            r.SpanStart, r.SpanEnd,
            byTask[r.Id].Where(a => a.Role == UnitRole.Lead).OrderByDescending(a => a.Primary).Select(a => new UnitView(a.OrganizationId, a.Name, a.Primary)).ToList(),
            byTask[r.Id].Where(a => a.Role == UnitRole.Cooperating).Select(a => new UnitView(a.OrganizationId, a.Name, a.Primary)).ToList())).ToList();
    }
}
