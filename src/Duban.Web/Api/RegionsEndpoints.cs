using Duban.Core.Regions;
using Duban.Data;
using Duban.Web.Paging;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Api;

/// <param name="Path">The ids from the root down, "/1/5/23/": a region's subtree is every path that starts with it.</param>
public sealed record RegionView(long Id, string Name, RegionLevel Level, long? ParentId, string Path);

public static class RegionsEndpoints
{
    public static void MapRegions(this RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regions").WithTags("行政区划").RequireAuthorization(DubanPolicies.SignedIn);
        regions.MapGet("", ListAsync).WithName("ListRegions").WithSummary("行政区划列表")
            .WithDescription("分页列出当前用户数据范围内的行政区划。parentId 只列出其直接下级；level 为 province、city 或 county。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        regions.MapGet("/{id:long}", GetAsync).WithName("GetRegion").WithSummary("获取行政区划")
            .WithDescription("数据范围以外的区划与不存在的区划一样返回 404。")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Paged<RegionView>>, ProblemHttpResult>> ListAsync(
        [AsParameters] PageQuery paging, long? parentId, string? level, HttpContext context, DubanDbContext db, CancellationToken ct)
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
        var result = await query.OrderBy(r => r.Level).ThenBy(r => r.Id)
            .Select(r => new RegionView(r.Id, r.Name, r.Level, r.ParentId, r.Path))
            .ToPagedAsync(page.Value!, ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<RegionView>, ProblemHttpResult>> GetAsync(long id, HttpContext context, DubanDbContext db, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().VisibleTo(DubanUser.Required(context.User)).Where(r => r.Id == id)
            .Select(r => new RegionView(r.Id, r.Name, r.Level, r.ParentId, r.Path)).SingleOrDefaultAsync(ct);
        return region is null ? ApiResults.NotFound("未找到该行政区划。") : TypedResults.Ok(region);
    }
}
