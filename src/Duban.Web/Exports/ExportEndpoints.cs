using Duban.Web.Api;
using Duban.Web.Ledger;
using Duban.Web.Organizations;
using Duban.Web.Plans;
using Duban.Web.Security;
using Duban.Web.Supervision;

namespace Duban.Web.Exports;

/// <summary>
/// The .xlsx of a list as filtered (docs/web.md, "Exports"): the list's own query parameters, the same scope and order,
/// every row, streamed as it is read (docs/spreadsheets.md, "Streaming"). The link beside each list carries its current
/// filter. A wrong filter is the list's own 400; more rows than an Excel sheet holds, a 422; both before the first byte.
/// </summary>
public static class ExportEndpoints
{
    public static void AddExports(IServiceCollection services)
    {
        services.AddScoped<OrganizationList>();
        services.AddScoped<ListExport>();
    }

    public static RouteGroupBuilder MapExports(this RouteGroupBuilder api)
    {
        var signedIn = api.MapGroup("").WithTags("导出").RequireAuthorization(DubanPolicies.SignedIn);
        signedIn.MapGet("/tasks.xlsx", TasksAsync).WithName("ExportTasks").WithSummary("导出任务列表（当前筛选）")
            .WithDescription("与 GET /api/v1/tasks 相同的筛选、数据范围和排序，不分页，按任务台账的列：序号、计划、任务编号、任务、牵头单位、配合单位、完成时限、状态、最新进展、更新时间。")
            .Produces(StatusCodes.Status200OK, contentType: XlsxWorkbook.ContentType).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        signedIn.MapGet("/supervision-orders.xlsx", OrdersAsync).WithName("ExportSupervisionOrders").WithSummary("导出督办单（当前筛选）")
            .WithDescription("与 GET /api/v1/supervision-orders 相同的筛选（status、taskId、planId、organizationId）、数据范围和排序，不分页。")
            .Produces(StatusCodes.Status200OK, contentType: XlsxWorkbook.ContentType).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var admin = api.MapGroup("").WithTags("导出").RequireAuthorization(DubanPolicies.Admin);
        admin.MapGet("/users.xlsx", UsersAsync).WithName("ExportUsers").WithSummary("导出用户（当前筛选）")
            .WithDescription("与 GET /api/v1/users 相同的筛选（q、role、active、organizationId）和数据范围，按用户名排序，不分页。")
            .Produces(StatusCodes.Status200OK, contentType: XlsxWorkbook.ContentType).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var oversight = api.MapGroup("").WithTags("导出").RequireAuthorization(DubanPolicies.Oversight);
        oversight.MapGet("/organizations.xlsx", OrganizationsAsync).WithName("ExportOrganizations").WithSummary("导出组织机构（当前筛选）")
            .WithDescription("组织机构页面的列表：regionId 区划（below=true 含下级区划），q 名称或别名，kind 类型（department、government、school、enterprise、other）；数据范围内的有效单位，按区划、名称排序。")
            .Produces(StatusCodes.Status200OK, contentType: XlsxWorkbook.ContentType).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<IResult> TasksAsync(long? planId, long? organizationId, string? role, string? dueFrom, string? dueTo, bool? ongoing, string? sort,
        string? status, long? regionId, bool? partlyCompleted, HttpContext context, ListExport export, CancellationToken ct)
    {
        var filter = TaskFilter.Parse(planId, organizationId, role, dueFrom, dueTo, ongoing, sort, status, regionId, partlyCompleted);
        if (filter.Error is { } invalid) return ApiResults.From(invalid);
        return await export.TasksAsync(DubanUser.Required(context.User), filter.Value!, ct);
    }

    private static async Task<IResult> OrdersAsync(string? status, long? taskId, long? planId, long? organizationId, HttpContext context, ListExport export, CancellationToken ct)
    {
        if (OrderFilter.Parse(status, taskId, planId, organizationId) is not { } filter)
            return ApiResults.Problem(StatusCodes.Status400BadRequest, ApiResults.InvalidFieldTitle, OrderFilter.StatusHelp, "status");
        return await export.OrdersAsync(DubanUser.Required(context.User), filter, ct);
    }

    private static async Task<IResult> UsersAsync(string? q, string? role, bool? active, long? organizationId, HttpContext context, ListExport export, CancellationToken ct)
    {
        var filter = UsersEndpoints.ParseFilter(q, role, active, organizationId);
        if (filter.Error is { } invalid) return ApiResults.From(invalid);
        return await export.UsersAsync(DubanUser.Required(context.User), filter.Value!, ct);
    }

    private static async Task<IResult> OrganizationsAsync(long? regionId, string? q, string? kind, bool? below, HttpContext context, ListExport export, CancellationToken ct)
    {
        if (!OrganizationListFilter.TryKind(kind, out var parsed))
            return ApiResults.Problem(StatusCodes.Status400BadRequest, ApiResults.InvalidFieldTitle, OrganizationListFilter.KindHelp, "kind");
        var filter = new OrganizationListFilter(regionId, q, parsed, below == true);
        return await export.OrganizationsAsync(DubanUser.Required(context.User), filter, ct);
    }
}
