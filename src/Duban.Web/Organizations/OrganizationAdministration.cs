using Duban.Core.Organizations;
using Duban.Core.Text;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Display;
using Duban.Web.Operations;
using Duban.Web.Security;
using Duban.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Organizations;

/// <summary>The body of a new organisation.</summary>
public sealed record NewOrganization(string? Name, OrganizationKind? Kind, long? RegionId);

/// <summary>The editable fields of an organisation: its name and kind.</summary>
public sealed record OrganizationChanges(string? Name, OrganizationKind? Kind);

/// <summary>The body of a new alias.</summary>
public sealed record NewAlias(string? Name);

/// <summary>An organisation with its aliases (ids included, to remove one) and version, as pages and API show it.</summary>
public sealed record OrganizationDetail(
    long Id, string Name, OrganizationKind Kind, long RegionId, string? RegionName, bool IsActive, long? MergedIntoId,
    IReadOnlyList<AliasView> Aliases, Guid Version);

public sealed record AliasView(long Id, string Name);

/// <summary>What the audit log keeps of an organisation, before and after a change.</summary>
public sealed record OrganizationSnapshot(long Id, string Name, OrganizationKind Kind, long RegionId, bool IsActive, long? MergedIntoId, IReadOnlyList<string> Aliases)
{
    public static OrganizationSnapshot Of(Organization o) =>
        new(o.Id, o.Name, o.Kind, o.RegionId, o.IsActive, o.MergedIntoId, o.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal).ToList());
}

/// <summary>
/// Administrators' writes to organisations, shared by the 组织机构 page and the API: every one within the
/// administrator's data scope, audited in the same transaction.
/// </summary>
public sealed class OrganizationAdministration(DubanDbContext db, AuditLog audit)
{
    public const int MaxNameLength = 200;

    public Task<OrganizationDetail?> GetAsync(DubanUser admin, long id, CancellationToken ct = default) =>
        db.Organizations.AsNoTracking().VisibleTo(admin).Where(o => o.Id == id)
            .Select(o => new OrganizationDetail(o.Id, o.Name, o.Kind, o.RegionId, o.Region!.Name, o.IsActive, o.MergedIntoId,
                o.Aliases.OrderBy(a => a.Name).Select(a => new AliasView(a.Id, a.Name)).ToList(), o.Version))
            .SingleOrDefaultAsync(ct);

    public async Task<Outcome<OrganizationDetail>> CreateAsync(DubanUser admin, Actor actor, NewOrganization input, CancellationToken ct = default)
    {
        if (NameProblem(input.Name, "单位名称") is { } nameProblem) return Outcome<OrganizationDetail>.Invalid("name", nameProblem);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) return Outcome<OrganizationDetail>.Invalid("kind", "请选择单位类型。");
        if (input.RegionId is not { } regionId || !await db.Regions.ActionableBy(admin).AnyAsync(r => r.Id == regionId, ct))
            return Outcome<OrganizationDetail>.Invalid("regionId", "请选择您管理范围内的区划。");
        var name = NameText.Normalize(input.Name!);
        if (await db.Organizations.AnyAsync(o => o.RegionId == regionId && o.Name == name && o.IsActive, ct))
            return new OperationError(ErrorKind.Conflict, $"该区划已有名为“{name}”的单位。", "name");

        var organization = new Organization { Name = name, Kind = kind, RegionId = regionId };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        audit.Add(actor, AuditActions.OrganizationCreate, AuditEntities.Organization, organization.Id, null, OrganizationSnapshot.Of(organization));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<OrganizationDetail>.Ok((await GetAsync(admin, organization.Id, ct))!);
    }

    /// <param name="expectedVersion">The version the caller read; null skips the check (If-Match: *).</param>
    public async Task<Outcome<OrganizationDetail>> UpdateAsync(DubanUser admin, Actor actor, long id, Guid? expectedVersion, OrganizationChanges input, CancellationToken ct = default)
    {
        var organization = await LoadAsync(admin, id, ct);
        if (organization is null) return NotFound();
        if (expectedVersion is { } expected && expected != organization.Version) return Stale();
        if (NameProblem(input.Name, "单位名称") is { } nameProblem) return Outcome<OrganizationDetail>.Invalid("name", nameProblem);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) return Outcome<OrganizationDetail>.Invalid("kind", "请选择单位类型。");
        if (!organization.IsActive) return new OperationError(ErrorKind.Conflict, "该单位已停用或已合并，不能修改。");
        var name = NameText.Normalize(input.Name!);
        if (name != organization.Name && await db.Organizations.AnyAsync(o => o.Id != id && o.RegionId == organization.RegionId && o.Name == name && o.IsActive, ct))
            return new OperationError(ErrorKind.Conflict, $"该区划已有名为“{name}”的单位。", "name");

        var before = OrganizationSnapshot.Of(organization);
        organization.Name = name;
        organization.Kind = kind;
        var after = OrganizationSnapshot.Of(organization);
        if (before == after || (before.Name == after.Name && before.Kind == after.Kind)) return Outcome<OrganizationDetail>.Ok((await GetAsync(admin, id, ct))!);
        audit.Add(actor, AuditActions.OrganizationUpdate, AuditEntities.Organization, id, before, after);
        if (!await SaveAsync(ct)) return Stale();
        return Outcome<OrganizationDetail>.Ok((await GetAsync(admin, id, ct))!);
    }

    public async Task<Outcome<OrganizationDetail>> AddAliasAsync(DubanUser admin, Actor actor, long id, NewAlias input, CancellationToken ct = default)
    {
        var organization = await LoadAsync(admin, id, ct);
        if (organization is null) return NotFound();
        if (NameProblem(input.Name, "别名") is { } nameProblem) return Outcome<OrganizationDetail>.Invalid("name", nameProblem);
        if (!organization.IsActive) return new OperationError(ErrorKind.Conflict, "该单位已停用或已合并，不能添加别名。");
        var name = NameText.Normalize(input.Name!);
        if (name == organization.Name || organization.Aliases.Any(a => a.Name == name))
            return new OperationError(ErrorKind.Conflict, $"“{name}”已是该单位的名称或别名。", "name");

        var before = OrganizationSnapshot.Of(organization);
        organization.Aliases.Add(new OrganizationAlias { Name = name });
        organization.Version = Guid.NewGuid();
        audit.Add(actor, AuditActions.OrganizationAddAlias, AuditEntities.Organization, id, before, OrganizationSnapshot.Of(organization));
        if (!await SaveAsync(ct)) return Stale();
        return Outcome<OrganizationDetail>.Ok((await GetAsync(admin, id, ct))!);
    }

    public async Task<Outcome<OrganizationDetail>> RemoveAliasAsync(DubanUser admin, Actor actor, long id, long aliasId, CancellationToken ct = default)
    {
        var organization = await LoadAsync(admin, id, ct);
        if (organization is null) return NotFound();
        var alias = organization.Aliases.SingleOrDefault(a => a.Id == aliasId);
        if (alias is null) return Outcome<OrganizationDetail>.NotFound("该单位没有这个别名。");

        var before = OrganizationSnapshot.Of(organization);
        organization.Aliases.Remove(alias);
        db.OrganizationAliases.Remove(alias);
        organization.Version = Guid.NewGuid();
        audit.Add(actor, AuditActions.OrganizationRemoveAlias, AuditEntities.Organization, id, before, OrganizationSnapshot.Of(organization));
        if (!await SaveAsync(ct)) return Stale();
        return Outcome<OrganizationDetail>.Ok((await GetAsync(admin, id, ct))!);
    }

    /// <summary>
    /// Merges one organisation into another in one transaction: its task assignments, governing-body memberships,
    /// users (reporters) and aliases move to the target, its name becomes an alias of the target, and it is kept
    /// inactive with MergedIntoId. The moved users' sessions end (new security stamp): they report for another unit now.
    /// </summary>
    /// <returns>The target after the merge.</returns>
    /// <param name="expectedVersion">The version of the merged organisation the caller read: a merge cannot be undone, so it is never made on a stale view.</param>
    public async Task<Outcome<OrganizationDetail>> MergeAsync(DubanUser admin, Actor actor, long id, Guid expectedVersion, long targetId, CancellationToken ct = default)
    {
        if (id == targetId) return Outcome<OrganizationDetail>.Invalid("targetId", "不能把单位合并到它自己。");
        var source = await LoadAsync(admin, id, ct);
        if (source is null) return NotFound();
        if (expectedVersion != source.Version) return Stale();
        var target = await LoadAsync(admin, targetId, ct);
        if (target is null) return Outcome<OrganizationDetail>.NotFound("未找到要并入的目标单位。");
        if (!source.IsActive) return new OperationError(ErrorKind.Conflict, "该单位已停用或已合并。");
        if (!target.IsActive) return new OperationError(ErrorKind.Conflict, "目标单位已停用或已合并，不能并入。", "targetId");
        // The merge moves the source's accounts to the target: an administrator may do that only to accounts it manages.
        var unmanaged = await db.Users.Where(u => u.OrganizationId == id).CountAsync(ct)
                        - await db.Users.ActionableBy(admin, db).Where(u => u.OrganizationId == id).CountAsync(ct);
        if (unmanaged > 0)
            return new OperationError(ErrorKind.Forbidden, $"该单位有 {unmanaged} 个用户账户的数据范围超出您的管理范围，合并会改变这些账户，请由上级管理员合并。");

        var sourceBefore = OrganizationSnapshot.Of(source);
        var targetBefore = OrganizationSnapshot.Of(target);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var assignments = await db.Assignments.Where(a => a.OrganizationId == id).ToListAsync(ct);
        foreach (var assignment in assignments) assignment.OrganizationId = targetId;
        var members = await db.BodyMembers.Where(m => m.OrganizationId == id).ToListAsync(ct);
        foreach (var member in members) member.OrganizationId = targetId;
        // A governing body's office and a meeting's attendance follow the organisation too.
        await db.GoverningBodies.Where(b => b.OfficeOrganizationId == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.OfficeOrganizationId, targetId), ct);
        await db.Set<Duban.Core.Governance.MeetingAttendee>().Where(a => a.OrganizationId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.OrganizationId, targetId), ct);
        var users = await db.Users.Where(u => u.OrganizationId == id).OrderBy(u => u.Id).ToListAsync(ct);
        foreach (var user in users)
        {
            var userBefore = UserSnapshot.Of(user);
            user.OrganizationId = targetId;
            user.NewSecurityStamp();
            audit.Add(actor, AuditActions.UserUpdate, AuditEntities.User, user.Id, userBefore, UserSnapshot.Of(user));
        }

        var names = new HashSet<string>(target.Aliases.Select(a => a.Name), StringComparer.Ordinal) { target.Name };
        foreach (var alias in source.Aliases.ToList())
        {
            source.Aliases.Remove(alias);
            db.OrganizationAliases.Remove(alias);
            if (names.Add(alias.Name)) target.Aliases.Add(new OrganizationAlias { Name = alias.Name });
        }
        if (names.Add(source.Name)) target.Aliases.Add(new OrganizationAlias { Name = source.Name });

        source.IsActive = false;
        source.MergedIntoId = targetId;
        source.Version = Guid.NewGuid();
        target.Version = Guid.NewGuid();

        audit.Add(actor, AuditActions.OrganizationMerge, AuditEntities.Organization, id,
            new { organization = sourceBefore, target = targetBefore },
            new { organization = OrganizationSnapshot.Of(source), target = OrganizationSnapshot.Of(target), movedAssignments = assignments.Count, movedBodyMembers = members.Count,
                movedUsers = users.Select(u => u.Id).ToList() });
        if (!await SaveAsync(ct)) return Stale();
        await tx.CommitAsync(ct);
        return Outcome<OrganizationDetail>.Ok((await GetAsync(admin, targetId, ct))!);
    }

    private Task<Organization?> LoadAsync(DubanUser admin, long id, CancellationToken ct) =>
        db.Organizations.ActionableBy(admin).Include(o => o.Aliases).SingleOrDefaultAsync(o => o.Id == id, ct);

    /// <param name="label">单位名称 or 别名, as the message names it.</param>
    private static string? NameProblem(string? name, string label) => NameText.Problem(name, label) ?? (name is null ? null : NameText.Normalize(name)) switch
    {
        null or "" => $"请输入{label}。",
        { Length: > MaxNameLength } => $"{label}不能超过 {MaxNameLength} 个字符。",
        _ => null,
    };

    private static Outcome<OrganizationDetail> NotFound() => Outcome<OrganizationDetail>.NotFound("未找到该单位。");

    private static Outcome<OrganizationDetail> Stale() => new OperationError(ErrorKind.PreconditionFailed, ChineseText.StaleRecord);

    private Task<bool> SaveAsync(CancellationToken ct) => db.SaveUnlessStaleAsync(ct);
}
