using Duban.Core.Organizations;
using Duban.Data;
using Duban.Web.Paging;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Api;

/// <param name="MergedIntoId">Set when the organisation was merged into another; merged organisations are inactive.</param>
public sealed record OrganizationView(
    long Id,
    string Name,
    OrganizationKind Kind,
    long RegionId,
    string? RegionName,
    bool IsActive,
    long? MergedIntoId,
    IReadOnlyList<string> Aliases,
    Guid Version);

public static class OrganizationsEndpoints
{
    public static void MapOrganizations(this RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/organizations").WithTags("单位").RequireAuthorization(DubanPolicies.SignedIn);
        organizations.MapGet("", ListAsync).WithName("ListOrganizations").WithSummary("单位列表")
            .WithDescription("分页列出当前用户数据范围内的单位。regionId 只列出该区划的单位；q 按名称或别名筛选；默认不含已停用（含已合并）的单位。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        organizations.MapGet("/{id:long}", GetAsync).WithName("GetOrganization").WithSummary("获取单位")
            .WithDescription("响应头 ETag 为当前版本。数据范围以外的单位与不存在的单位一样返回 404。")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Paged<OrganizationView>>, ProblemHttpResult>> ListAsync(
        [AsParameters] PageQuery paging, long? regionId, string? q, bool? includeInactive, HttpContext context, DubanDbContext db, CancellationToken ct)
    {
        var page = PageRequest.From(paging.Page, paging.PageSize);
        if (page.Error is { } error) return ApiResults.From(error);
        var query = db.Organizations.AsNoTracking().VisibleTo(DubanUser.Required(context.User));
        if (regionId is { } region) query = query.Where(o => o.RegionId == region);
        if (includeInactive != true) query = query.Where(o => o.IsActive);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var s = q.Trim();
            query = query.Where(o => o.Name.Contains(s) || o.Aliases.Any(a => a.Name.Contains(s)));
        }
        var result = await Project(query.OrderBy(o => o.RegionId).ThenBy(o => o.Name).ThenBy(o => o.Id)).ToPagedAsync(page.Value!, ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<OkWithETag<OrganizationView>, ProblemHttpResult>> GetAsync(long id, HttpContext context, DubanDbContext db, CancellationToken ct)
    {
        var organization = await Project(db.Organizations.AsNoTracking().VisibleTo(DubanUser.Required(context.User)).Where(o => o.Id == id))
            .SingleOrDefaultAsync(ct);
        return organization is null ? ApiResults.NotFound("未找到该单位。") : new OkWithETag<OrganizationView>(organization, organization.Version);
    }

    private static IQueryable<OrganizationView> Project(IQueryable<Organization> organizations) =>
        organizations.Select(o => new OrganizationView(o.Id, o.Name, o.Kind, o.RegionId, o.Region!.Name, o.IsActive, o.MergedIntoId,
            o.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList(), o.Version));
}
