using System.Text.RegularExpressions;
using Duban.Core.Security;
using Duban.Core.Text;
using Duban.Core.Users;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Display;
using Duban.Web.Operations;
using Duban.Web.Paging;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Users;

/// <summary>
/// Users administration for the pages and the API alike: an administrator sees and manages only the users in their
/// own data scope, and cannot hand out a scope wider than their own.
/// </summary>
public sealed partial class UserAdministration(DubanDbContext db, AuditLog audit, TimeProvider time)
{
    [GeneratedRegex("^[A-Za-z0-9._-]{3,50}$")]
    private static partial Regex UserNamePattern();

    public Task<Paged<UserView>> ListAsync(DubanUser admin, UserFilter filter, PageRequest page, CancellationToken ct = default) =>
        Listed(admin, filter).ToPagedAsync(page, ct);

    /// <summary>The user list of the filter in its order, every page: the page and the export read the same query.</summary>
    public IQueryable<UserView> Listed(DubanUser admin, UserFilter filter)
    {
        var users = db.Users.VisibleTo(admin, db);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim();
            users = users.Where(u => u.UserName.Contains(s) || u.DisplayName.Contains(s));
        }
        if (filter.Role is { } role) users = users.Where(u => u.Role == role);
        if (filter.Active is { } active) users = users.Where(u => u.IsActive == active);
        if (filter.OrganizationId is { } organization) users = users.Where(u => u.OrganizationId == organization);
        return Project(users.OrderBy(u => u.UserName));
    }

    public Task<UserView?> GetAsync(DubanUser admin, long id, CancellationToken ct = default) =>
        Project(db.Users.VisibleTo(admin, db).Where(u => u.Id == id)).SingleOrDefaultAsync(ct);

    public async Task<Outcome<CreatedUser>> CreateAsync(DubanUser admin, Actor actor, NewUser input, CancellationToken ct = default)
    {
        var userName = input.UserName?.Trim() ?? "";
        if (NameText.Problem(userName, "用户名") is { } userNameProblem) return Outcome<CreatedUser>.Invalid("userName", userNameProblem);
        if (!UserNamePattern().IsMatch(userName))
            return Outcome<CreatedUser>.Invalid("userName", "用户名须为 3–50 个字母、数字、点、下划线或连字符。");
        if (await db.Users.AnyAsync(u => u.UserName == userName, ct))
            return new OperationError(ErrorKind.Conflict, $"用户名“{userName}”已被使用。", "userName");
        if (DisplayNameProblem(input.DisplayName) is { } nameProblem) return Outcome<CreatedUser>.Invalid("displayName", nameProblem);
        if (await AssignmentProblemAsync(admin, input.Role, input.Scope, input.OrganizationId, input.RegionId, ct) is { } problem) return problem;

        var generated = string.IsNullOrEmpty(input.Password) ? PasswordRules.Generate() : null;
        var password = generated ?? input.Password!;
        if (PasswordRules.Problem(password) is { } passwordProblem) return Outcome<CreatedUser>.Invalid("password", passwordProblem);

        var user = new User
        {
            UserName = userName,
            DisplayName = NameText.Normalize(input.DisplayName!),
            PasswordHash = PasswordHasher.Hash(password),
            Role = input.Role!.Value,
            Scope = input.Scope!.Value,
            OrganizationId = input.OrganizationId,
            RegionId = input.RegionId,
            CreatedAt = time.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        audit.Add(actor, AuditActions.UserCreate, AuditEntities.User, user.Id, null, UserSnapshot.Of(user));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<CreatedUser>.Ok(new((await GetAsync(admin, user.Id, ct))!, generated));
    }

    /// <param name="expectedVersion">The version the caller read; null skips the check (If-Match: *).</param>
    public async Task<Outcome<UserView>> UpdateAsync(DubanUser admin, Actor actor, long id, Guid? expectedVersion, UserChanges input, CancellationToken ct = default)
    {
        var user = await db.Users.VisibleTo(admin, db).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return Outcome<UserView>.NotFound("未找到该用户。");
        if (expectedVersion is { } expected && expected != user.Version) return Stale<UserView>();
        if (DisplayNameProblem(input.DisplayName) is { } nameProblem) return Outcome<UserView>.Invalid("displayName", nameProblem);
        if (input.IsActive is null) return Outcome<UserView>.Invalid("isActive", "请指定账户是否启用。");
        if (user.Id == admin.Id)
        {
            // An administrator who could demote or deactivate themselves could leave the system without one.
            if (input.IsActive == false) return Outcome<UserView>.Invalid("isActive", "不能停用自己的账户。");
            if (input.Role != user.Role) return Outcome<UserView>.Invalid("role", "不能更改自己的角色。");
            if (input.Scope != user.Scope || input.OrganizationId != user.OrganizationId || input.RegionId != user.RegionId)
                return Outcome<UserView>.Invalid("scope", "不能更改自己的数据范围。");
        }
        else if (await AssignmentProblemAsync(admin, input.Role, input.Scope, input.OrganizationId, input.RegionId, ct) is { } problem)
        {
            return problem;
        }

        var before = UserSnapshot.Of(user);
        user.DisplayName = NameText.Normalize(input.DisplayName!);
        user.Role = input.Role!.Value;
        user.Scope = input.Scope!.Value;
        user.OrganizationId = input.OrganizationId;
        user.RegionId = input.RegionId;
        user.IsActive = input.IsActive.Value;
        var after = UserSnapshot.Of(user);
        if (before == after) return Outcome<UserView>.Ok((await GetAsync(admin, id, ct))!);

        // What the user may do changed: their sessions end, and they sign in again (unless deactivated) with the new rights.
        if (before with { DisplayName = after.DisplayName } != after) user.NewSecurityStamp();
        user.Version = Guid.NewGuid();
        audit.Add(actor, AuditActions.UserUpdate, AuditEntities.User, user.Id, before, after);
        if (!await SaveAsync(ct)) return Stale<UserView>();
        return Outcome<UserView>.Ok((await GetAsync(admin, id, ct))!);
    }

    /// <summary>Sets a new password, random when none is given, and ends every wait for it (docs/web.md); every session of the user ends.</summary>
    /// <returns>The new password, to show the administrator once.</returns>
    public async Task<Outcome<string>> ResetPasswordAsync(DubanUser admin, Actor actor, long id, string? newPassword, CancellationToken ct = default)
    {
        var user = await db.Users.VisibleTo(admin, db).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return Outcome<string>.NotFound("未找到该用户。");
        var password = string.IsNullOrEmpty(newPassword) ? PasswordRules.Generate() : newPassword;
        if (PasswordRules.Problem(password) is { } problem) return Outcome<string>.Invalid("password", problem);

        var wasLocked = user.LockedUntil;
        user.PasswordHash = PasswordHasher.Hash(password);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        // The clients kept waiting by wrong passwords may try the new one at once.
        db.SignInThrottles.RemoveRange(await db.SignInThrottles.Where(t => t.UserId == user.Id).ToListAsync(ct));
        user.NewSecurityStamp();
        user.Version = Guid.NewGuid();
        audit.Add(actor, AuditActions.UserResetPassword, AuditEntities.User, user.Id,
            new { password = "（原密码）", lockedUntil = wasLocked }, new { password = "（新密码，不记录）", lockedUntil = (DateTimeOffset?)null });
        if (!await SaveAsync(ct)) return Stale<string>();
        return Outcome<string>.Ok(password);
    }

    private async Task<OperationError?> AssignmentProblemAsync(DubanUser admin, Role? role, DataScope? scope, long? organizationId, long? regionId, CancellationToken ct)
    {
        if (role is not { } r || !Enum.IsDefined(r)) return new(ErrorKind.Validation, "请选择角色（管理员、填报员或督查员）。", "role");
        if (scope is not { } s || !Enum.IsDefined(s)) return new(ErrorKind.Validation, "请选择数据范围（本单位、本区域及下级或全部）。", "scope");
        if (r == Role.Reporter && s != DataScope.Own) return new(ErrorKind.Validation, "填报员的数据范围只能是“本单位”。", "scope");
        if ((r == Role.Reporter || s == DataScope.Own) && organizationId is null)
            return new(ErrorKind.Validation, r == Role.Reporter ? "填报员必须属于一个单位，请选择单位。" : "数据范围为“本单位”时必须选择单位。", "organizationId");
        if (s == DataScope.RegionAndBelow && regionId is null) return new(ErrorKind.Validation, "数据范围为“本区域及下级”时必须选择区域。", "regionId");
        // An administrator grants only what it has: scope 全部 from 全部 alone, a region within its own region, an
        // organisation within its own scope (docs/web.md, "Who may do what").
        if (s == DataScope.All && admin.Scope != DataScope.All)
            return new(ErrorKind.Validation, "只有数据范围为“全部”的管理员才能授予“全部”数据范围。", "scope");
        if (s == DataScope.RegionAndBelow && admin.Scope == DataScope.Own)
            return new(ErrorKind.Validation, "您的数据范围为“本单位”，不能授予“本区域及下级”数据范围。", "scope");

        if (organizationId is { } org && !await db.Organizations.ActionableBy(admin).AnyAsync(o => o.Id == org, ct))
            return new(ErrorKind.Validation, "所选单位不存在或不在您的管理范围内。", "organizationId");
        if (regionId is { } region && !await db.Regions.ActionableBy(admin).AnyAsync(x => x.Id == region, ct))
            return new(ErrorKind.Validation, "所选区域不存在或不在您的管理范围内。", "regionId");
        return null;
    }

    private static string? DisplayNameProblem(string? displayName) => NameText.Problem(displayName, "姓名") ?? (displayName is null ? null : NameText.Normalize(displayName)) switch
    {
        null or "" => "请输入姓名。",
        { Length: > 50 } => "姓名不能超过 50 个字符。",
        _ => null,
    };

    private static Outcome<T> Stale<T>() => new OperationError(ErrorKind.PreconditionFailed, ChineseText.StaleRecord);

    /// <returns>False when another writer changed the row between our read and this save.</returns>
    private Task<bool> SaveAsync(CancellationToken ct) => db.SaveUnlessStaleAsync(ct);

    /// <summary>The organisations of the users the administrator sees, by name: those the list's filter can find someone in.</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> OrganizationChoicesAsync(DubanUser admin, CancellationToken ct)
    {
        var users = db.Users.VisibleTo(admin, db);
        var rows = await db.Organizations.AsNoTracking().Where(o => users.Any(u => u.OrganizationId == o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return rows.OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => (o.Id, o.Name)).ToList();
    }

    private IQueryable<UserView> Project(IQueryable<User> users) =>
        from u in users
        join o in db.Organizations on u.OrganizationId equals o.Id into orgs
        from o in orgs.DefaultIfEmpty()
        join r in db.Regions on u.RegionId equals r.Id into regions
        from r in regions.DefaultIfEmpty()
        select new UserView(u.Id, u.UserName, u.DisplayName, u.Role, u.Scope, u.OrganizationId, o == null ? null : o.Name,
            u.RegionId, r == null ? null : r.Name, u.IsActive, u.LockedUntil, u.CreatedAt, u.Version);
}
