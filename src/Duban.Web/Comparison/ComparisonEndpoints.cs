using Duban.Web.Api;
using Duban.Web.Ledger;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Duban.Web.Comparison;

public static class ComparisonEndpoints
{
    private const string Options = "选项：planId 只比较该计划的指标与任务；year 取该年年末的数值（该年已过时按 12 月 31 日判断状态），任务完成情况只计该年到期的任务；"
                                   + "orient=targets（指标为行，默认）或 regions（地区为行）；sort=name 或列编号（r12 地区、t34 指标，按达成度排序，无数据排最后），dir=asc|desc；"
                                   + "csort（name、tasks、doneOnTime、doneLate、overdue、inProgress、rate、onTimeRate）与 cdir 为任务完成情况的排序。规则见 docs/comparison.md。";

    public static IServiceCollection AddComparison(this IServiceCollection services)
    {
        services.AddScoped<ComparisonQueries>();
        services.AddScoped<ComparisonExport>();
        return services;
    }

    public static RouteGroupBuilder MapComparison(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/regions/{id:long}").WithTags("地区对比").RequireAuthorization(DubanPolicies.Oversight);
        group.MapGet("/comparison", GetAsync).WithName("GetRegionComparison").WithSummary("地区对比")
            .WithDescription("该地区的量化指标在其下级地区之间的对比：每个单元格为最新值、达成度、状态（无数据/正常/滞后/已达成）与较上期的趋势；以及各下级地区牵头任务的完成情况（按时完成、逾期完成、逾期未完成、进行中、完成率）。" + Options)
            .Produces<ComparisonView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/comparison.xlsx", XlsxAsync).WithName("ExportRegionComparison").WithSummary("导出地区对比")
            .WithDescription("地区对比的 Excel 文件：指标对比（单元格按状态着色）、任务完成情况、图例。" + Options)
            .Produces(StatusCodes.Status200OK, contentType: XlsxWorkbook.ContentType).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static ProblemHttpResult RegionNotFound() => ApiResults.NotFound("未找到该地区，或不在您的数据范围内。");

    private static async Task<Results<Ok<ComparisonView>, ProblemHttpResult>> GetAsync(long id, string? planId, string? year, string? orient, string? sort, string? dir,
        string? csort, string? cdir, HttpContext context, ComparisonQueries queries, CancellationToken ct)
    {
        var (filter, field, error) = ComparisonFilter.Parse(planId, year, orient, sort, dir, csort, cdir);
        if (filter is null) return ApiResults.Problem(StatusCodes.Status400BadRequest, ApiResults.InvalidFieldTitle, error!, field);
        return await queries.BuildAsync(DubanUser.Required(context.User), id, filter, ct) is { } view ? TypedResults.Ok(view) : RegionNotFound();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> XlsxAsync(long id, string? planId, string? year, string? orient, string? sort, string? dir,
        string? csort, string? cdir, HttpContext context, ComparisonExport export, CancellationToken ct)
    {
        var (filter, field, error) = ComparisonFilter.Parse(planId, year, orient, sort, dir, csort, cdir);
        if (filter is null) return ApiResults.Problem(StatusCodes.Status400BadRequest, ApiResults.InvalidFieldTitle, error!, field);
        return await export.WriteAsync(DubanUser.Required(context.User), id, filter, ct) is { } file
            ? TypedResults.File(file.Content, XlsxWorkbook.ContentType, file.FileName)
            : RegionNotFound();
    }
}
