using Duban.Core.Regions;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Divisions;
using Duban.Web.Audit;
using Duban.Web.Paging;
using Duban.Web.Regions;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Api;

public static class RegionsEndpoints
{
    public static void MapRegions(this RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regions").WithTags("行政区划").RequireAuthorization(DubanPolicies.SignedIn);
        regions.MapGet("", ListAsync).WithName("ListRegions").WithSummary("行政区划列表")
            .WithDescription("分页列出当前用户数据范围内的行政区划。parentId 只列出其直接下级；level 为 province、city 或 county；code 为行政区划代码（2、4 或 6 位）；q 按名称筛选。"
                             + "code 为 6 位行政区划代码（GB/T 2260，数据来自 " + DivisionCatalog.Source + "），管理员添加的开发区等可以没有代码；isFunctionalZone 表示功能区（代码 71–79）。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        regions.MapGet("/{id:long}", GetAsync).WithName("GetRegion").WithSummary("获取行政区划")
            .WithDescription("数据范围以外的区划与不存在的区划一样返回 404。")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Writes: administrators only, within their scope. A group of its own so that each endpoint has one rule.
        var writes = api.MapGroup("/regions").WithTags("行政区划").RequireAuthorization(DubanPolicies.Admin)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        writes.MapPost("", CreateAsync).WithName("CreateRegion").WithSummary("添加地区")
            .WithDescription("在管理员管理范围内的上级地区（parentId）之下添加地区（开发区、新区等）；只有数据范围为“全部”的管理员可以不给 parentId（顶级地区）。"
                             + "code 可选，为 6 位行政区划代码，不能与已有地区重复（409）；level 为 province、city 或 county，默认比上级低一级（县级地区之下仍为县级）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<Paged<RegionView>>, ProblemHttpResult>> ListAsync(
        [AsParameters] PageQuery paging, long? parentId, string? level, string? code, string? q, HttpContext context, DubanDbContext db, CancellationToken ct)
    {
        var page = PageRequest.From(paging.Page, paging.PageSize);
        if (page.Error is { } error) return ApiResults.From(error);
        var query = db.Regions.AsNoTracking().VisibleTo(DubanUser.Required(context.User));
        if (parentId is { } parent) query = query.Where(r => r.ParentId == parent);
        if (!string.IsNullOrEmpty(level))
        {
            if (!Enum.TryParse<RegionLevel>(level, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return ApiResults.Problem(StatusCodes.Status400BadRequest, ApiResults.InvalidFieldTitle, "level 必须是 province、city 或 county。", "level");
            query = query.Where(r => r.Level == parsed);
        }
        if (!string.IsNullOrEmpty(code))
        {
            if (DivisionCodes.Normalize(code) is not { } full)
                return ApiResults.Problem(StatusCodes.Status400BadRequest, ApiResults.InvalidFieldTitle, "code 必须是 2、4 或 6 位行政区划代码。", "code");
            query = query.Where(r => r.Code == full);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(r => r.Name.Contains(term));
        }
        var result = await RegionAdministration.Views(query.OrderBy(r => r.Level).ThenBy(r => r.Code).ThenBy(r => r.Id)).ToPagedAsync(page.Value!, ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<RegionView>, ProblemHttpResult>> GetAsync(long id, HttpContext context, DubanDbContext db, CancellationToken ct)
    {
        var region = await RegionAdministration.Views(db.Regions.AsNoTracking().VisibleTo(DubanUser.Required(context.User)).Where(r => r.Id == id)).SingleOrDefaultAsync(ct);
        return region is null ? ApiResults.NotFound("未找到该行政区划。") : TypedResults.Ok(region);
    }

    private static async Task<Results<Created<RegionView>, ProblemHttpResult>> CreateAsync(
        NewRegion input, HttpContext context, RegionAdministration regions, CancellationToken ct)
    {
        var outcome = await regions.CreateAsync(DubanUser.Required(context.User), Actor.From(context), input, ct);
        if (outcome.Error is { } error) return ApiResults.From(error);
        var created = outcome.Value!;
        return TypedResults.Created($"{ApiEndpoints.Prefix}/regions/{created.Id}", created);
    }
}
