using Duban.Core.Organizations;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Organizations;
using Duban.Web.Paging;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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

        // Writes: administrators only, within their scope. A group of its own so that each endpoint has one rule.
        var writes = api.MapGroup("/organizations").WithTags("单位").RequireAuthorization(DubanPolicies.Admin)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        writes.MapPost("", CreateAsync).WithName("CreateOrganization").WithSummary("创建单位")
            .WithDescription("在管理员数据范围内的区划（regionId）中创建单位；kind 为 department、government、school、enterprise 或 other。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPut("/{id:long}", UpdateAsync).WithName("UpdateOrganization").WithSummary("修改单位")
            .WithDescription("修改名称与类型。必须在 If-Match 中提供读取时的 ETag：过期返回 412，缺少返回 428。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        writes.MapPost("/{id:long}/aliases", AddAliasAsync).WithName("AddOrganizationAlias").WithSummary("添加别名")
            .WithDescription("为单位添加一个别名（导入计划时据此匹配单位）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapDelete("/{id:long}/aliases/{aliasId:long}", RemoveAliasAsync).WithName("RemoveOrganizationAlias").WithSummary("删除别名")
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/{id:long}/merge-into/{targetId:long}", MergeAsync).WithName("MergeOrganization").WithSummary("合并单位")
            .WithDescription("把单位 id 并入 targetId：其任务分工、议事机构成员与别名转到目标单位，其名称成为目标单位的别名，本身停用并记下 mergedIntoId。一个事务完成。返回目标单位。"
                             + "合并不可撤销：必须在 If-Match 中提供单位 id 的 ETag（不接受 *），过期返回 412，缺少返回 428。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<Results<CreatedWithETag<OrganizationDetail>, ProblemHttpResult>> CreateAsync(
        NewOrganization input, HttpContext context, OrganizationAdministration organizations, CancellationToken ct)
    {
        var outcome = await organizations.CreateAsync(DubanUser.Required(context.User), Actor.From(context), input, ct);
        if (outcome.Error is { } error) return ApiResults.From(error);
        var created = outcome.Value!;
        return new CreatedWithETag<OrganizationDetail>(created, created.Version, $"{ApiEndpoints.Prefix}/organizations/{created.Id}");
    }

    private static async Task<Results<OkWithETag<OrganizationDetail>, ProblemHttpResult>> UpdateAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, OrganizationChanges input, HttpContext context, OrganizationAdministration organizations, CancellationToken ct)
    {
        var admin = DubanUser.Required(context.User);
        var expected = ETags.ExpectedVersion(ifMatch);
        if (expected.Error is { } stale)
        {
            if (await organizations.GetAsync(admin, id, ct) is null) return ApiResults.NotFound("未找到该单位。");
            return ApiResults.From(stale);
        }
        return Answer(await organizations.UpdateAsync(admin, Actor.From(context), id, expected.Value, input, ct));
    }

    private static async Task<Results<OkWithETag<OrganizationDetail>, ProblemHttpResult>> AddAliasAsync(
        long id, NewAlias input, HttpContext context, OrganizationAdministration organizations, CancellationToken ct) =>
        Answer(await organizations.AddAliasAsync(DubanUser.Required(context.User), Actor.From(context), id, input, ct));

    private static async Task<Results<OkWithETag<OrganizationDetail>, ProblemHttpResult>> RemoveAliasAsync(
        long id, long aliasId, HttpContext context, OrganizationAdministration organizations, CancellationToken ct) =>
        Answer(await organizations.RemoveAliasAsync(DubanUser.Required(context.User), Actor.From(context), id, aliasId, ct));

    private static async Task<Results<OkWithETag<OrganizationDetail>, ProblemHttpResult>> MergeAsync(
        long id, long targetId, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext context, OrganizationAdministration organizations, CancellationToken ct)
    {
        var admin = DubanUser.Required(context.User);
        var expected = ETags.ExpectedVersion(ifMatch);
        if (expected.Error is not null || expected.Value is null)
        {
            if (await organizations.GetAsync(admin, id, ct) is null) return ApiResults.NotFound("未找到该单位。");
            return expected.Error is { } error
                ? ApiResults.From(error)
                : ApiResults.Problem(StatusCodes.Status428PreconditionRequired, "缺少前提条件", "合并不可撤销：If-Match 必须是该单位当前的 ETag，不接受 *。", "If-Match");
        }
        return Answer(await organizations.MergeAsync(admin, Actor.From(context), id, expected.Value.Value, targetId, ct));
    }

    private static Results<OkWithETag<OrganizationDetail>, ProblemHttpResult> Answer(Duban.Web.Operations.Outcome<OrganizationDetail> outcome) =>
        outcome.Error is { } error ? ApiResults.From(error) : new OkWithETag<OrganizationDetail>(outcome.Value!, outcome.Value!.Version);

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
