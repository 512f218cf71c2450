using Duban.Core.Cascade;
using Duban.Core.Notifications;
using Duban.Data.Audit;
using Duban.Data.Notifications;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Cascade;

/// <summary>A filing requirement as the office sets it.</summary>
/// <param name="Kind">county (一县一案), school (一校一案) or other.</param>
public sealed record RequirementInput(string? Kind, string? Text, string? Office, DateOnly? Due, bool? EveryChildRegion, IReadOnlyList<long>? OrganizationIds);

/// <summary>
/// The writes of the cascade (docs/cascade.md): links set by hand, filing requirements, filings and their review,
/// coverage decisions. Who may make each is the caller's to check (the web's CascadeAccess); the desk checks the
/// data and audits every change with its before and after.
/// </summary>
public sealed class CascadeDesk(DubanDbContext db, AuditLog audit, NotificationCenter center, TimeProvider time)
{
    public const int MaxCommentLength = 1000;

    private CascadeAuditSink Sink(TrackingActor actor) => (action, entity, id, before, after) =>
        pending.Add(() => audit.Add(ActorOf(actor), action, entity, id()?.ToString(), before, after?.Invoke()));

    private readonly List<Action> pending = [];

    private static Actor ActorOf(TrackingActor a) => new(a.UserId, a.UserName, a.RemoteAddress);

    private async Task FlushAuditAsync(CancellationToken ct)
    {
        foreach (var write in pending) write();
        pending.Clear();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Sets the upper plans of <paramref name="lowerPlanId"/>: those listed are confirmed (added when not proposed),
    /// the others proposed or confirmed before are removed (kept as 已解除, not proposed again).
    /// </summary>
    public async Task<TrackingOutcome<IReadOnlyList<PlanLink>>> SetLinksAsync(TrackingActor actor, long lowerPlanId, IReadOnlyList<long>? upperPlanIds, CancellationToken ct)
    {
        if (upperPlanIds is null) return TrackingErrors.Invalid("upperPlanIds", "upperPlanIds（上级依据计划）必须给出，可以为空列表（解除全部关联）。");
        var wanted = upperPlanIds.Distinct().ToList();
        if (wanted.Contains(lowerPlanId)) return TrackingErrors.Invalid("upperPlanIds", "计划不能以自身为上级依据。");
        var known = await db.Plans.Where(p => wanted.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (wanted.Except(known).FirstOrDefault() is var missing && missing != 0)
            return TrackingErrors.Invalid("upperPlanIds", $"upperPlanIds 中的计划 {missing} 不存在。");
        var links = await db.Set<PlanLink>().Where(l => l.LowerPlanId == lowerPlanId).ToListAsync(ct);
        var before = links.Select(l => new { l.UpperPlanId, l.State }).ToList();
        var now = time.GetUtcNow();
        foreach (var upper in wanted) Decide(links, lowerPlanId, upper, LinkState.Confirmed, actor, now);
        foreach (var upper in links.Where(l => !wanted.Contains(l.UpperPlanId) && l.State != LinkState.Rejected).Select(l => l.UpperPlanId).ToList())
            Decide(links, lowerPlanId, upper, LinkState.Rejected, actor, now);
        await db.SaveChangesAsync(ct);
        foreach (var upper in wanted) await FollowConfirmedAsync(actor, lowerPlanId, upper, now, ct);
        audit.Add(ActorOf(actor), CascadeAuditActions.LinkSet, Audit.AuditEntities.Plan, lowerPlanId, new { Links = before },
            new { Links = links.Select(l => new { l.UpperPlanId, l.State }).ToList() });
        await FlushAuditAsync(ct);
        return TrackingOutcome<IReadOnlyList<PlanLink>>.Ok(links);
    }

    /// <summary>
    /// Confirms one upper plan of <paramref name="lowerPlanId"/> (adding the link when it was not proposed) or removes it
    /// (kept as 已解除, not proposed again), leaving its other links as they are — the page's 确认 / 解除 / 设为上级依据.
    /// </summary>
    public async Task<TrackingOutcome<PlanLink>> DecideLinkAsync(TrackingActor actor, long lowerPlanId, long upperPlanId, bool confirm, CancellationToken ct)
    {
        if (upperPlanId == lowerPlanId) return TrackingErrors.Invalid("upperPlanId", "计划不能以自身为上级依据。");
        if (!await db.Plans.AnyAsync(p => p.Id == upperPlanId, ct)) return TrackingErrors.Invalid("upperPlanId", $"上级计划 {upperPlanId} 不存在。");
        var links = await db.Set<PlanLink>().Where(l => l.LowerPlanId == lowerPlanId && l.UpperPlanId == upperPlanId).ToListAsync(ct);
        if (links.Count == 0 && !confirm) return TrackingErrors.NotFound("该计划与此上级计划没有关联。");
        var before = links.Select(l => new { l.UpperPlanId, l.State }).ToList();
        var now = time.GetUtcNow();
        var link = Decide(links, lowerPlanId, upperPlanId, confirm ? LinkState.Confirmed : LinkState.Rejected, actor, now);
        await db.SaveChangesAsync(ct);
        if (confirm) await FollowConfirmedAsync(actor, lowerPlanId, upperPlanId, now, ct);
        audit.Add(ActorOf(actor), CascadeAuditActions.LinkSet, Audit.AuditEntities.Plan, lowerPlanId, new { Links = before },
            new { Links = new[] { new { link.UpperPlanId, link.State } } });
        await FlushAuditAsync(ct);
        return TrackingOutcome<PlanLink>.Ok(link);
    }

    /// <summary>The link from the lower plan to the upper one in <paramref name="links"/>, added when missing, set to <paramref name="state"/> by the actor.</summary>
    private PlanLink Decide(List<PlanLink> links, long lowerPlanId, long upperPlanId, LinkState state, TrackingActor actor, DateTimeOffset now)
    {
        var link = links.FirstOrDefault(l => l.UpperPlanId == upperPlanId);
        if (link is null)
        {
            link = new PlanLink { LowerPlanId = lowerPlanId, UpperPlanId = upperPlanId, CreatedAt = now };
            db.Add(link);
            links.Add(link);
        }
        link.State = state;
        link.DecidedAt = now;
        link.DecidedByName = actor.UserName;
        return link;
    }

    /// <summary>What a confirmed link brings: the lower plan files for the upper one's requirement, and its tasks are proposed as carrying the upper's.</summary>
    private async Task FollowConfirmedAsync(TrackingActor actor, long lowerPlanId, long upperPlanId, DateTimeOffset now, CancellationToken ct)
    {
        await CascadeLinker.MatchFilingsAsync(db, upperPlanId, lowerPlanId, actor.UserName, now, Sink(actor), ct);
        await CascadeLinker.ProposeCoverageAsync(db, upperPlanId, lowerPlanId, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task<TrackingOutcome<FilingRequirement>> CreateRequirementAsync(TrackingActor actor, long planId, RequirementInput input, CancellationToken ct)
    {
        var checkedInput = Check(input);
        if (checkedInput.Error is { } error) return error;
        var (kind, text) = checkedInput.Value;
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.RegionId }).SingleOrDefaultAsync(ct);
        if (plan is null) return TrackingErrors.NotFound("未找到该计划。");
        if (await CheckOrganizationsAsync(plan.RegionId, input.OrganizationIds, ct) is { } wrong) return wrong;
        var requirement = new FilingRequirement
        {
            PlanId = planId, Kind = kind, Text = text, Office = Trim(input.Office, 200), Due = input.Due, EveryChildRegion = input.EveryChildRegion ?? false,
            CreatedAt = time.GetUtcNow(), CreatedByName = actor.UserName,
        };
        db.Add(requirement);
        await db.SaveChangesAsync(ct);
        var filers = await CascadeLinker.FilersAsync(db, plan.RegionId, requirement.EveryChildRegion, [], input.OrganizationIds ?? [], ct);
        foreach (var organization in filers) db.Add(new Filing { RequirementId = requirement.Id, OrganizationId = organization });
        await db.SaveChangesAsync(ct);
        await MatchLinkedAsync(actor, planId, ct);
        audit.Add(ActorOf(actor), CascadeAuditActions.RequirementCreate, CascadeAuditActions.RequirementEntity, requirement.Id, null, CascadeLinker.RequirementImage(requirement, filers));
        await FlushAuditAsync(ct);
        return TrackingOutcome<FilingRequirement>.Ok(requirement);
    }

    /// <summary>
    /// Changes a requirement: its wording, office, date and filers. Filings of organisations no longer expected are
    /// removed while nothing was filed; a filed one stays (the plan was filed, the office decides on it).
    /// </summary>
    public async Task<TrackingOutcome<FilingRequirement>> UpdateRequirementAsync(TrackingActor actor, long requirementId, Guid? expected, RequirementInput input, CancellationToken ct)
    {
        var checkedInput = Check(input);
        if (checkedInput.Error is { } error) return error;
        var (kind, text) = checkedInput.Value;
        var requirement = await db.Set<FilingRequirement>().SingleOrDefaultAsync(r => r.Id == requirementId, ct);
        if (requirement is null) return TrackingErrors.NotFound("未找到该备案要求。");
        if (expected is { } version && version != requirement.Version) return TrackingErrors.StaleCopy();
        var regionId = await db.Plans.Where(p => p.Id == requirement.PlanId).Select(p => p.RegionId).SingleAsync(ct);
        if (await CheckOrganizationsAsync(regionId, input.OrganizationIds, ct) is { } wrong) return wrong;
        var filings = await db.Set<Filing>().Where(f => f.RequirementId == requirementId).ToListAsync(ct);
        var before = CascadeLinker.RequirementImage(requirement, filings.Select(f => f.OrganizationId).ToList());
        requirement.Kind = kind;
        requirement.Text = text;
        requirement.Office = Trim(input.Office, 200);
        requirement.Due = input.Due;
        requirement.EveryChildRegion = input.EveryChildRegion ?? false;
        requirement.FromText = false;
        var filers = await CascadeLinker.FilersAsync(db, regionId, requirement.EveryChildRegion, [], input.OrganizationIds ?? [], ct);
        foreach (var gone in filings.Where(f => !filers.Contains(f.OrganizationId) && f.State == FilingState.Pending)) db.Remove(gone);
        foreach (var added in filers.Where(o => filings.All(f => f.OrganizationId != o))) db.Add(new Filing { RequirementId = requirementId, OrganizationId = added });
        await db.SaveChangesAsync(ct);
        await MatchLinkedAsync(actor, requirement.PlanId, ct);
        var after = await db.Set<Filing>().Where(f => f.RequirementId == requirementId).Select(f => f.OrganizationId).ToListAsync(ct);
        audit.Add(ActorOf(actor), CascadeAuditActions.RequirementUpdate, CascadeAuditActions.RequirementEntity, requirement.Id, before, CascadeLinker.RequirementImage(requirement, after));
        await FlushAuditAsync(ct);
        return TrackingOutcome<FilingRequirement>.Ok(requirement);
    }

    /// <summary>Plans already linked to the upper plan answer the requirement's new filings at once.</summary>
    private async Task MatchLinkedAsync(TrackingActor actor, long upperPlanId, CancellationToken ct)
    {
        var lowers = await db.Set<PlanLink>().Where(l => l.UpperPlanId == upperPlanId && l.State != LinkState.Rejected).Select(l => l.LowerPlanId).ToListAsync(ct);
        foreach (var lower in lowers) await CascadeLinker.MatchFilingsAsync(db, upperPlanId, lower, actor.UserName, time.GetUtcNow(), Sink(actor), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Files <paramref name="lowerPlanId"/> for the organisation under the requirement (a plan imported already, or just
    /// now by the filing upload); the lower plan is linked to the upper plan as confirmed.
    /// </summary>
    public async Task<TrackingOutcome<Filing>> FileAsync(TrackingActor actor, long requirementId, long organizationId, long lowerPlanId, CancellationToken ct)
    {
        var requirement = await db.Set<FilingRequirement>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == requirementId, ct);
        if (requirement is null) return TrackingErrors.Invalid("requirementId", "requirementId（备案要求）不存在。");
        if (lowerPlanId == requirement.PlanId) return TrackingErrors.Invalid("planId", "不能以上级计划自身报备。");
        if (!await db.Plans.AnyAsync(p => p.Id == lowerPlanId, ct)) return TrackingErrors.Invalid("planId", "planId（报备的下级计划）不存在。");
        var filing = await db.Set<Filing>().SingleOrDefaultAsync(f => f.RequirementId == requirementId && f.OrganizationId == organizationId, ct);
        if (filing is null) return TrackingErrors.Invalid("organizationId", "该单位不在此备案要求的报备单位之列。");
        if (filing.State == FilingState.Accepted) return TrackingErrors.Conflict("该单位的备案已审核通过，无需再报。");
        var before = new { filing.State, filing.LowerPlanId };
        var now = time.GetUtcNow();
        filing.LowerPlanId = lowerPlanId;
        filing.State = FilingState.Filed;
        filing.FiledAt = now;
        filing.FiledByName = actor.UserName;
        var link = await db.Set<PlanLink>().SingleOrDefaultAsync(l => l.LowerPlanId == lowerPlanId && l.UpperPlanId == requirement.PlanId, ct);
        if (link is null) db.Add(link = new PlanLink { LowerPlanId = lowerPlanId, UpperPlanId = requirement.PlanId, CreatedAt = now });
        link.State = LinkState.Confirmed;
        link.DecidedAt = now;
        link.DecidedByName = actor.UserName;
        await db.SaveChangesAsync(ct);
        await CascadeLinker.ProposeCoverageAsync(db, requirement.PlanId, lowerPlanId, ct);
        audit.Add(ActorOf(actor), CascadeAuditActions.FilingFile, CascadeAuditActions.FilingEntity, filing.Id, before,
            new { filing.State, filing.LowerPlanId, filing.OrganizationId, RequirementId = requirementId });
        await db.SaveChangesAsync(ct);
        return TrackingOutcome<Filing>.Ok(filing);
    }

    /// <summary>The upper office accepts a filed plan or returns it with a comment (required); the filing organisation is told.</summary>
    public async Task<TrackingOutcome<Filing>> ReviewAsync(TrackingActor actor, long filingId, bool accept, string? comment, CancellationToken ct)
    {
        var text = comment?.Trim();
        if (!accept && string.IsNullOrEmpty(text)) return TrackingErrors.Invalid("comment", "退回备案时必须填写意见（comment）。");
        if (text is { Length: > MaxCommentLength }) return TrackingErrors.Invalid("comment", $"意见（comment）不能超过 {MaxCommentLength} 字。");
        var filing = await db.Set<Filing>().SingleOrDefaultAsync(f => f.Id == filingId, ct);
        if (filing is null) return TrackingErrors.NotFound("未找到该备案。");
        if (filing.State != FilingState.Filed) return TrackingErrors.Conflict($"只能审核已报备待审的备案（当前：{filing.State.Label()}）。");
        var before = new { filing.State, filing.Comment };
        var now = time.GetUtcNow();
        filing.State = accept ? FilingState.Accepted : FilingState.Returned;
        filing.Comment = string.IsNullOrEmpty(text) ? null : text;
        filing.ReviewedAt = now;
        filing.ReviewedByName = actor.UserName;
        audit.Add(ActorOf(actor), accept ? CascadeAuditActions.FilingAccept : CascadeAuditActions.FilingReturn, CascadeAuditActions.FilingEntity, filing.Id, before,
            new { filing.State, filing.Comment, filing.LowerPlanId, filing.OrganizationId });
        await db.SaveChangesAsync(ct);
        var planId = await db.Set<FilingRequirement>().Where(r => r.Id == filing.RequirementId).Select(r => r.PlanId).SingleAsync(ct);
        var title = accept ? "下级方案备案已通过" : "下级方案备案被退回";
        await center.NotifyOrganizationAsync(filing.OrganizationId, new NotificationMessage(NotificationKinds.Review, title,
            accept ? "您单位报备的实施方案已审核通过。" : $"您单位报备的实施方案被退回，请修改后重新报备。意见：{text}",
            $"plans/{planId}/cascade", $"filing-review:{filing.Id}:{now.ToUnixTimeMilliseconds()}"), now, ct);
        return TrackingOutcome<Filing>.Ok(filing);
    }

    /// <summary>
    /// A person's decision on a pair: the lower task carries the upper task (confirmed, added when it was not proposed)
    /// or does not (rejected, not proposed again). The lower task's plan must be linked to the upper task's plan.
    /// </summary>
    public async Task<TrackingOutcome<Coverage>> DecideCoverageAsync(TrackingActor actor, long upperPlanId, long? upperTaskId, long? lowerTaskId, bool confirm, CancellationToken ct)
    {
        if (upperTaskId is null) return TrackingErrors.Invalid("upperTaskId", "upperTaskId（上级任务）必须给出。");
        if (lowerTaskId is null) return TrackingErrors.Invalid("lowerTaskId", "lowerTaskId（下级任务）必须给出。");
        if (!await db.Tasks.AnyAsync(t => t.Id == upperTaskId && t.PlanId == upperPlanId, ct))
            return TrackingErrors.Invalid("upperTaskId", "upperTaskId 不是该计划的任务。");
        var lowerPlan = await db.Tasks.Where(t => t.Id == lowerTaskId).Select(t => (long?)t.PlanId).SingleOrDefaultAsync(ct);
        if (lowerPlan is null || !await db.Set<PlanLink>().AnyAsync(l => l.UpperPlanId == upperPlanId && l.LowerPlanId == lowerPlan && l.State != LinkState.Rejected, ct))
            return TrackingErrors.Invalid("lowerTaskId", "lowerTaskId 不是承接该计划的下级计划中的任务。");
        var row = await db.Set<Coverage>().SingleOrDefaultAsync(c => c.UpperTaskId == upperTaskId && c.LowerTaskId == lowerTaskId, ct);
        var before = row is null ? null : new { row.State, row.Score };
        if (row is null)
        {
            if (!confirm) return TrackingErrors.Invalid("lowerTaskId", "该任务对没有承接建议，无需否定。");
            db.Add(row = new Coverage { UpperTaskId = upperTaskId.Value, LowerTaskId = lowerTaskId.Value, LowerPlanId = lowerPlan.Value, Score = 1m });
        }
        row.State = confirm ? CoverageState.Confirmed : CoverageState.Rejected;
        row.DecidedAt = time.GetUtcNow();
        row.DecidedByName = actor.UserName;
        await db.SaveChangesAsync(ct);
        audit.Add(ActorOf(actor), confirm ? CascadeAuditActions.CoverageConfirm : CascadeAuditActions.CoverageReject, CascadeAuditActions.CoverageEntity, row.Id, before,
            new { row.State, row.Score, TaskId = row.UpperTaskId, row.LowerTaskId, row.LowerPlanId });
        await db.SaveChangesAsync(ct);
        return TrackingOutcome<Coverage>.Ok(row);
    }

    private static TrackingOutcome<(FilingKind Kind, string Text)> Check(RequirementInput input)
    {
        FilingKind? kind = input.Kind?.Trim().ToLowerInvariant() switch
        {
            "county" => FilingKind.County,
            "school" => FilingKind.School,
            "other" => FilingKind.Other,
            _ => null,
        };
        if (kind is null) return TrackingErrors.Invalid("kind", "kind（类型）必须是 county（一县一案）、school（一校一案）或 other。");
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return TrackingErrors.Invalid("text", "text（备案要求的内容）必须填写。");
        if (text.Length > 1000) return TrackingErrors.Invalid("text", "text（备案要求的内容）不能超过 1000 字。");
        if (input.Office is { Length: > 200 }) return TrackingErrors.Invalid("office", "office（备案机关）不能超过 200 字。");
        if (input.EveryChildRegion != true && (input.OrganizationIds is null || input.OrganizationIds.Count == 0))
            return TrackingErrors.Invalid("organizationIds", "请给出报备单位（organizationIds），或设定 everyChildRegion 为 true（各下级地区政府）。");
        return TrackingOutcome<(FilingKind, string)>.Ok((kind.Value, text));
    }

    /// <summary>Filers must be organisations of the plan's region or below.</summary>
    private async Task<TrackingError?> CheckOrganizationsAsync(long? regionId, IReadOnlyList<long>? ids, CancellationToken ct)
    {
        if (ids is null || ids.Count == 0) return null;
        var path = regionId is { } r ? await db.Regions.Where(x => x.Id == r).Select(x => x.Path).SingleAsync(ct) : "/";
        var found = await db.Organizations.Where(o => ids.Contains(o.Id) && o.Region!.Path.StartsWith(path)).Select(o => o.Id).ToListAsync(ct);
        var missing = ids.Except(found).ToList();
        return missing.Count == 0 ? null : TrackingErrors.Invalid("organizationIds", $"organizationIds 中的单位 {string.Join("、", missing)} 不存在或不在该计划的地区及其下级。");
    }

    private static string? Trim(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > max ? t[..max] : text.Trim();
}
