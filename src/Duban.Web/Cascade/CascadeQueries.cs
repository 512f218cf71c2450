using Duban.Core.Tracking.Supervision;
using Duban.Core.Cascade;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Data.Tracking.Status;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Cascade;

/// <summary>
/// The reads of the cascade (docs/cascade.md): links, requirements with their filings, coverage, the tree, and the
/// filing due dates of a user's scope. Every read starts from a plan the user sees, and shows of the linked plans only
/// those the user sees too.
/// </summary>
public sealed class CascadeQueries(DubanDbContext db, CascadeAccess access, TimeProvider time)
{
    private DateOnly Today => TrackingDay.Today(time);

    public async Task<PlanLinksView?> LinksAsync(DubanUser? user, long planId, CancellationToken ct)
    {
        if (!await access.SeesPlanAsync(user, planId, ct)) return null;
        var basis = await db.Set<PlanBasis>().AsNoTracking().Where(b => b.PlanId == planId).OrderBy(b => b.Order).Select(b => new BasisView(b.Title, b.DocNumber)).ToListAsync(ct);
        var visible = access.VisiblePlanIds(user);
        var uppers = await (from l in db.Set<PlanLink>().AsNoTracking()
                            join p in db.Plans on l.UpperPlanId equals p.Id
                            where l.LowerPlanId == planId && visible.Contains(p.Id)
                            orderby p.Id
                            select new { l, p.Id, p.Title, p.DocNumber, Region = p.Region != null ? p.Region.Name : null }).ToListAsync(ct);
        var lowers = await (from l in db.Set<PlanLink>().AsNoTracking()
                            join p in db.Plans on l.LowerPlanId equals p.Id
                            where l.UpperPlanId == planId && visible.Contains(p.Id)
                            orderby p.Id
                            select new { l, p.Id, p.Title, p.DocNumber, Region = p.Region != null ? p.Region.Name : null }).ToListAsync(ct);
        var canSet = user is not null && await access.AdministersPlanAsync(user, planId, ct);
        return new PlanLinksView(planId, basis,
            [.. uppers.Select(x => new LinkedPlanView(x.Id, x.Title, x.DocNumber, x.Region, CascadeCodes.Code(x.l.State), x.l.State.Label(), x.l.DocNumber, x.l.DecidedByName))],
            [.. lowers.Select(x => new LinkedPlanView(x.Id, x.Title, x.DocNumber, x.Region, CascadeCodes.Code(x.l.State), x.l.State.Label(), x.l.DocNumber, x.l.DecidedByName))],
            canSet);
    }

    /// <summary>
    /// Plans the user sees that could be the basis of <paramref name="planId"/>: matched by title or 发文字号 (however
    /// its brackets are typed), plans of the regions above first; not the plan itself nor those already linked.
    /// </summary>
    public async Task<IReadOnlyList<UpperCandidateView>> UpperCandidatesAsync(DubanUser user, long planId, string? search, int limit, CancellationToken ct)
    {
        var text = search?.Trim();
        if (string.IsNullOrEmpty(text)) return [];
        if (text.Length > 100) text = text[..100];
        var key = DocNumbers.Key(text);
        var linked = db.Set<PlanLink>().Where(l => l.LowerPlanId == planId && l.State != LinkState.Rejected).Select(l => l.UpperPlanId);
        var path = await db.Plans.Where(p => p.Id == planId).Select(p => p.Region != null ? p.Region.Path : null).SingleOrDefaultAsync(ct);
        // 发文字号 are stored as typed; a few variants of the brackets catch what Key() would equate.
        var variants = key is null ? [] : new[] { key, key.Replace('[', '〔').Replace(']', '〕'), key.Replace('[', '（').Replace(']', '）') };
        var found = await access.VisiblePlanQuery(user)
            .Where(p => p.Id != planId && !linked.Contains(p.Id))
            .Where(p => p.Title.Contains(text) || (p.DocNumber != null && (p.DocNumber.Contains(text) || variants.Contains(p.DocNumber))))
            .OrderBy(p => p.Id)
            .Take(200)
            .Select(p => new { p.Id, p.Title, p.DocNumber, Region = p.Region != null ? p.Region.Name : null, RegionPath = p.Region != null ? p.Region.Path : null, p.Status })
            .ToListAsync(ct);
        bool Above(string? candidate) => candidate is not null && path is not null && path.StartsWith(candidate, StringComparison.Ordinal) && path != candidate;
        return [.. found.OrderByDescending(p => Above(p.RegionPath)).ThenBy(p => p.RegionPath?.Length ?? 0).ThenByDescending(p => p.Id).Take(limit)
            .Select(p => new UpperCandidateView(p.Id, p.Title, p.DocNumber, p.Region, Above(p.RegionPath)))];
    }

    /// <summary>
    /// The organisations the office may name as filers of a requirement of <paramref name="planId"/>: the schools and
    /// governments of the plan's region and of its child regions (each child region's government also comes with 各下级地区).
    /// </summary>
    public async Task<IReadOnlyList<FilerOptionView>> FilerOptionsAsync(long planId, CancellationToken ct)
    {
        var regionId = await db.Plans.Where(p => p.Id == planId).Select(p => p.RegionId).SingleOrDefaultAsync(ct);
        if (regionId is null) return [];
        return await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive && (o.RegionId == regionId || o.Region!.ParentId == regionId)
                        && (o.Kind == Core.Organizations.OrganizationKind.School || o.Kind == Core.Organizations.OrganizationKind.Government))
            .OrderBy(o => o.RegionId != regionId).ThenBy(o => o.Kind).ThenBy(o => o.RegionId).ThenBy(o => o.Id)
            .Take(300)
            .Select(o => new FilerOptionView(o.Id, o.Name, o.Region!.Name, o.Kind == Core.Organizations.OrganizationKind.Government && o.RegionId != regionId))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<RequirementView>?> RequirementsAsync(DubanUser? user, long planId, CancellationToken ct)
    {
        if (!await access.SeesPlanAsync(user, planId, ct)) return null;
        var requirements = await db.Set<FilingRequirement>().AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.Id).ToListAsync(ct);
        var ids = requirements.Select(r => r.Id).ToList();
        var visible = access.VisiblePlanIds(user);
        var filings = await (from f in db.Set<Filing>().AsNoTracking()
                             join o in db.Organizations on f.OrganizationId equals o.Id
                             where ids.Contains(f.RequirementId)
                             orderby o.RegionId, o.Id
                             select new
                             {
                                 f, o.Name,
                                 LowerTitle = db.Plans.Where(p => p.Id == f.LowerPlanId && visible.Contains(p.Id)).Select(p => p.Title).FirstOrDefault(),
                             }).ToListAsync(ct);
        var today = Today;
        var orders = await OrdersOfAsync(filings.Select(x => x.f.Id).ToList(), ct);
        return [.. requirements.Select(r =>
        {
            var views = filings.Where(x => x.f.RequirementId == r.Id)
                .Select(x => ToView(x.f, x.Name, x.LowerTitle, r.Due, today) with { Order = orders.GetValueOrDefault(x.f.Id) }).ToList();
            return new RequirementView(r.Id, r.PlanId, CascadeCodes.Code(r.Kind), r.Kind.Label(), r.Text, r.Office, r.Due, r.EveryChildRegion, r.FromText, views,
                views.Count(v => v.State is "filed" or "accepted"), views.Count(v => v.Late), r.Version.ToString("N"));
        })];
    }

    private static FilingView ToView(Filing f, string organization, string? lowerTitle, DateOnly? due, DateOnly today) =>
        new(f.Id, f.RequirementId, f.OrganizationId, organization, CascadeCodes.Code(f.State), f.State.Label(), FilingRules.IsLate(f.State, due, today),
            lowerTitle is null ? null : f.LowerPlanId, lowerTitle, f.FiledAt, f.FiledByName, f.ReviewedAt, f.ReviewedByName, f.Comment, f.EscalatedAt, f.Version.ToString("N"));

    public async Task<FilingView?> FilingAsync(DubanUser user, long filingId, CancellationToken ct)
    {
        if (await access.FilingAsync(user, filingId, ct) is not { } found) return null;
        var due = await db.Set<FilingRequirement>().Where(r => r.Id == found.Filing.RequirementId).Select(r => r.Due).SingleAsync(ct);
        var name = await db.Organizations.Where(o => o.Id == found.Filing.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var visible = access.VisiblePlanIds(user);
        var title = await db.Plans.Where(p => p.Id == found.Filing.LowerPlanId && visible.Contains(p.Id)).Select(p => p.Title).FirstOrDefaultAsync(ct);
        return ToView(found.Filing, name, title, due, Today) with { Order = (await OrdersOfAsync([filingId], ct)).GetValueOrDefault(filingId) };
    }

    /// <summary>The 督办单 of each filing that has one: the open one, else the latest (docs/cascade.md, "Late filings").</summary>
    private async Task<Dictionary<long, FilingOrderView>> OrdersOfAsync(List<long> filingIds, CancellationToken ct) =>
        (await db.Set<SupervisionOrder>().AsNoTracking().Where(o => o.FilingId != null && filingIds.Contains(o.FilingId.Value))
            .Select(o => new { FilingId = o.FilingId!.Value, o.Id, o.Number, o.Status }).ToListAsync(ct))
        .GroupBy(o => o.FilingId)
        .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Status == OrderStatus.Closed).ThenByDescending(o => o.Id)
            .Select(o => new FilingOrderView(o.Id, o.Number, o.Status.Label(), o.Status != OrderStatus.Closed)).First());

    public async Task<CoverageView?> CoverageAsync(DubanUser? user, long planId, CancellationToken ct)
    {
        if (!await access.SeesPlanAsync(user, planId, ct)) return null;
        var visible = access.VisiblePlanIds(user);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId && t.RemovedInVersionId == null).OrderBy(t => t.Order).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.No, t.Text }).ToListAsync(ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var linked = db.Set<PlanLink>().Where(l => l.UpperPlanId == planId && l.State != LinkState.Rejected).Select(l => l.LowerPlanId);
        var rows = await (from c in db.Set<Coverage>().AsNoTracking()
                          join t in db.Tasks on c.LowerTaskId equals t.Id
                          join p in db.Plans on c.LowerPlanId equals p.Id
                          where taskIds.Contains(c.UpperTaskId) && linked.Contains(c.LowerPlanId) && visible.Contains(c.LowerPlanId) && t.RemovedInVersionId == null
                          orderby c.UpperTaskId, p.Id, c.Score descending
                          select new { c, t.No, t.Text, p.Title, Region = p.Region != null ? p.Region.Name : null }).ToListAsync(ct);
        var lowerTaskIds = rows.Select(r => r.c.LowerTaskId).Distinct().ToList();
        var statuses = lowerTaskIds.Count == 0 ? new Dictionary<long, StatusResult>()
            : (await new TrackingStatuses(db, time).TasksAsync(db.Tasks.AsNoTracking().Where(t => lowerTaskIds.Contains(t.Id)), ct)).Tasks.ToDictionary(t => t.TaskId, t => t.Result);
        var targetTaskIds = taskIds.Concat(lowerTaskIds).ToList();
        var targets = await db.Targets.AsNoTracking().Where(t => t.TaskId != null && targetTaskIds.Contains(t.TaskId.Value))
            .Select(t => new { TaskId = t.TaskId!.Value, t.Subject, t.Unit, t.Value }).ToListAsync(ct);
        var views = tasks.Select(task =>
        {
            var items = rows.Where(r => r.c.UpperTaskId == task.Id).Select(r =>
            {
                var status = statuses.GetValueOrDefault(r.c.LowerTaskId);
                return new CoverageItemView(r.c.Id, r.c.LowerPlanId, r.Title, r.Region, r.c.LowerTaskId, r.No, r.Text, r.c.Score, CascadeCodes.Code(r.c.State), r.c.State.Label(),
                    status?.Label, status?.Status == TrackingStatus.Completed);
            }).ToList();
            var carrying = items.Where(i => i.State != "rejected").GroupBy(i => i.LowerPlanId).ToList();
            var completed = carrying.Count(g => g.All(i => i.LowerCompleted));
            var summary = carrying.Count == 0 ? "尚无下级计划承接" : $"由下级 {carrying.Count} 个计划承接，{completed} 个已完成";
            var rollups = targets.Where(t => t.TaskId == task.Id && TargetRollup.IsAdditive(t.Unit)).Select(upper =>
            {
                var perPlan = carrying.Select(g => targets.FirstOrDefault(t => g.Any(i => i.LowerTaskId == t.TaskId) && TargetRollup.SameSubject(upper.Subject, upper.Unit, t.Subject, t.Unit)))
                    .Where(t => t is not null).ToList();
                return new TargetRollupView(upper.Subject, upper.Unit, upper.Value, perPlan.Sum(t => t!.Value), perPlan.Count);
            }).Where(r => r.Plans > 0).ToList();
            return new TaskCoverageView(task.Id, task.No, task.Text, items, carrying.Count, completed, summary, rollups);
        }).ToList();
        var canDecide = user is not null && await access.AdministersPlanAsync(user, planId, ct);
        return new CoverageView(planId, rows.Select(r => r.c.LowerPlanId).Distinct().Count(), views, canDecide);
    }

    /// <summary>
    /// The tree below the plan: its linked lower plans (links not removed) and the filings still awaited, down to four
    /// levels (province → city → county → school), each plan once.
    /// </summary>
    public async Task<CascadeView?> CascadeAsync(DubanUser? user, long planId, CancellationToken ct)
    {
        if (!await access.SeesPlanAsync(user, planId, ct)) return null;
        var visible = access.VisiblePlanIds(user);
        var root = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Title, p.DocNumber, Region = p.Region != null ? p.Region.Name : null }).SingleAsync(ct);
        var nodes = new List<CascadeNode>();
        var seen = new HashSet<long> { planId };
        var today = Today;
        var rootTasks = await db.Tasks.CountAsync(t => t.PlanId == planId && t.RemovedInVersionId == null, ct);
        var rootCarried = await (from c in db.Set<Coverage>()
                                 join t in db.Tasks on c.UpperTaskId equals t.Id
                                 where t.PlanId == planId && t.RemovedInVersionId == null && c.State != CoverageState.Rejected
                                 select c.UpperTaskId).Distinct().CountAsync(ct);
        nodes.Add(new CascadeNode(0, null, planId, root.Title, root.DocNumber, root.Region, null, null, null, false, null, null, rootCarried, rootTasks));

        async Task WalkAsync(long parent, int depth)
        {
            if (depth > 4) return;
            var parentTasks = await db.Tasks.CountAsync(t => t.PlanId == parent && t.RemovedInVersionId == null, ct);
            var filings = await (from f in db.Set<Filing>().AsNoTracking()
                                 join r in db.Set<FilingRequirement>() on f.RequirementId equals r.Id
                                 join o in db.Organizations on f.OrganizationId equals o.Id
                                 where r.PlanId == parent
                                 orderby o.RegionId, o.Id
                                 select new { f, r.Due, o.Name, Region = o.Region!.Name }).ToListAsync(ct);
            var lowers = await (from l in db.Set<PlanLink>().AsNoTracking()
                                join p in db.Plans on l.LowerPlanId equals p.Id
                                where l.UpperPlanId == parent && l.State != LinkState.Rejected && visible.Contains(p.Id)
                                orderby p.Id
                                select new { l.State, p.Id, p.Title, p.DocNumber, Region = p.Region != null ? p.Region.Name : null }).ToListAsync(ct);
            foreach (var lower in lowers)
            {
                if (!seen.Add(lower.Id)) continue;
                var filing = filings.FirstOrDefault(x => x.f.LowerPlanId == lower.Id);
                var carried = await (from c in db.Set<Coverage>()
                                     join t in db.Tasks on c.UpperTaskId equals t.Id
                                     where c.LowerPlanId == lower.Id && t.PlanId == parent && t.RemovedInVersionId == null && c.State != CoverageState.Rejected
                                     select c.UpperTaskId).Distinct().CountAsync(ct);
                nodes.Add(new CascadeNode(depth, parent, lower.Id, lower.Title, lower.DocNumber, lower.Region, filing?.Name,
                    filing is null ? null : CascadeCodes.Code(filing.f.State), filing?.f.State.Label(), filing is not null && FilingRules.IsLate(filing.f.State, filing.Due, today),
                    filing?.Due, CascadeCodes.Code(lower.State), carried, parentTasks));
                await WalkAsync(lower.Id, depth + 1);
            }
            foreach (var awaited in filings.Where(x => x.f.LowerPlanId is null || !lowers.Any(l => l.Id == x.f.LowerPlanId)))
            {
                nodes.Add(new CascadeNode(depth, parent, null, $"{awaited.Name}（未报备）", null, awaited.Region, awaited.Name, CascadeCodes.Code(awaited.f.State), awaited.f.State.Label(),
                    FilingRules.IsLate(awaited.f.State, awaited.Due, today), awaited.Due, null, 0, parentTasks));
            }
        }
        await WalkAsync(planId, 1);
        return new CascadeView(planId, root.Title, nodes);
    }

    /// <summary>
    /// The due dates of the filings in the user's scope, for the calendar feed (CalendarFeed): filings of organisations
    /// the user sees (its own for a reporter), and of requirements of plans the user administers; still awaited ones only
    /// unless <paramref name="includeDone"/>.
    /// </summary>
    public async Task<IReadOnlyList<FilingDueDate>> FilingDueDatesAsync(DubanUser user, DateOnly start, DateOnly end, bool includeDone = false, CancellationToken ct = default)
    {
        var organizations = db.Organizations.VisibleTo(user).Select(o => o.Id);
        var administered = db.Plans.ActionableBy(user).Select(p => p.Id);
        var rows = await (from f in db.Set<Filing>().AsNoTracking()
                          join r in db.Set<FilingRequirement>() on f.RequirementId equals r.Id
                          join p in db.Plans on r.PlanId equals p.Id
                          join o in db.Organizations on f.OrganizationId equals o.Id
                          where r.Due != null && r.Due >= start && r.Due <= end
                                && (organizations.Contains(f.OrganizationId) || administered.Contains(p.Id))
                                && (includeDone || f.State == FilingState.Pending || f.State == FilingState.Returned)
                          orderby r.Due, f.Id
                          select new { f.Id, PlanId = p.Id, p.Title, o.Name, r.Kind, Due = r.Due!.Value, f.State }).ToListAsync(ct);
        var today = Today;
        return [.. rows.Select(x => new FilingDueDate(x.Id, x.PlanId, x.Title, x.Name, x.Kind.Label(), x.Due, x.State.Label(), FilingRules.IsLate(x.State, x.Due, today), $"plans/{x.PlanId}/cascade"))];
    }
}
