using Duban.Core.Regions;
using Duban.Core.Text;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Divisions;
using Duban.Web.Operations;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Regions;

/// <summary>The body of a new region: a development zone, a 新区 below a region of the administrator's scope.</summary>
/// <param name="Code">Its 行政区划代码 when it has one (six digits); most zones have none.</param>
/// <param name="Level">province, city or county; by default one level below the parent (a county's zone is county-level).</param>
public sealed record NewRegion(string? Name, long? ParentId, string? Code = null, RegionLevel? Level = null);

/// <summary>A region as the API and the 地区 page show it.</summary>
/// <param name="Path">The ids from the root down, "/1/5/23/": a region's subtree is every path that starts with it.</param>
/// <param name="IsFunctionalZone">A functional zone by its code (71–79 within its city): 各县（市、区） does not mean it by default.</param>
public sealed record RegionView(long Id, string Name, RegionLevel Level, long? ParentId, string Path, string? Code, bool IsFunctionalZone);

/// <summary>
/// Administrators add regions the national catalogue does not hold (开发区, 新区, 园区), shared by the 地区 page and the
/// API: below a region of their own scope (Responsibility.ActionableBy), at the top of the tree only with scope 全部,
/// audited in the same transaction.
/// </summary>
public sealed class RegionAdministration(DubanDbContext db, AuditLog audit)
{
    public const int MaxNameLength = 100;

    public async Task<Outcome<RegionView>> CreateAsync(DubanUser admin, Actor actor, NewRegion input, CancellationToken ct = default)
    {
        if (NameProblem(input.Name) is { } nameProblem) return Outcome<RegionView>.Invalid("name", nameProblem);
        var name = NameText.Normalize(input.Name!);

        Region? parent = null;
        if (input.ParentId is { } parentId)
        {
            parent = await db.Regions.ActionableBy(admin).SingleOrDefaultAsync(r => r.Id == parentId, ct);
            if (parent is null) return Outcome<RegionView>.Invalid("parentId", "请选择您管理范围内的上级地区。");
        }
        else if (admin is not { Role: Core.Security.Role.Admin, Scope: Core.Security.DataScope.All })
        {
            return Outcome<RegionView>.Invalid("parentId", "请选择上级地区：只有数据范围为“全部”的管理员可以添加顶级地区。");
        }

        var deepest = parent is null ? RegionLevel.Province : (RegionLevel)Math.Min((int)parent.Level + 1, (int)RegionLevel.County);
        var level = input.Level ?? deepest;
        if (!Enum.IsDefined(level) || level < deepest)
            return Outcome<RegionView>.Invalid("level", parent is null
                ? "地区级别须为 province、city 或 county。"
                : $"地区级别须低于上级地区「{parent.Name}」：可为 {string.Join("、", Enum.GetValues<RegionLevel>().Where(l => l >= deepest).Select(l => l.ToString().ToLowerInvariant()))}。");

        string? code = null;
        if (!string.IsNullOrWhiteSpace(input.Code))
        {
            code = input.Code.Trim();
            if (!DivisionCodes.IsFull(code)) return Outcome<RegionView>.Invalid("code", "行政区划代码须为 6 位数字（如 620871），没有代码可留空。");
            if (await db.Regions.Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(ct) is { } holder)
                return new OperationError(ErrorKind.Conflict, $"代码 {code} 已是地区「{holder}」的代码。", "code");
        }
        if (await db.Regions.AnyAsync(r => r.ParentId == input.ParentId && r.Name == name, ct))
            return new OperationError(ErrorKind.Conflict, parent is null ? $"已有名为“{name}”的顶级地区。" : $"「{parent.Name}」下已有名为“{name}”的地区。", "name");

        var region = new Region { Name = name, Level = level, Code = code, ParentId = parent?.Id };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Regions.Add(region);
        await db.SaveChangesAsync(ct);
        // The path holds the region's own id, known only once it is saved.
        region.Path = Region.PathOf(parent, region.Id);
        audit.Add(actor, AuditActions.RegionCreate, AuditEntities.Region, region.Id, null,
            new { region.Id, region.Name, region.Code, region.Level, region.ParentId, region.Path });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<RegionView>.Ok(View(region));
    }

    private static string? NameProblem(string? name) => NameText.Problem(name, "地区名称") ?? (name is null ? null : NameText.Normalize(name)) switch
    {
        null or "" => "请输入地区名称。",
        { Length: > MaxNameLength } => $"地区名称不能超过 {MaxNameLength} 个字符。",
        _ => null,
    };

    public static RegionView View(Region r) => new(r.Id, r.Name, r.Level, r.ParentId, r.Path, r.Code, r.IsFunctionalZone);

    /// <summary>The view as a query projection: the functional-zone rule of <see cref="DivisionCodes"/> written so that both databases can run it.</summary>
    public static IQueryable<RegionView> Views(IQueryable<Region> regions) => regions.Select(r => new RegionView(
        r.Id, r.Name, r.Level, r.ParentId, r.Path, r.Code,
        r.Code != null && r.Code.Length == 6 && r.Code.Substring(4, 1) == "7" && r.Code.Substring(5, 1) != "0"));
}
