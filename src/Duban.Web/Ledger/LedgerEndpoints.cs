using Duban.Web.Dashboard;
using Duban.Web.Security;

namespace Duban.Web.Ledger;

public static class LedgerEndpoints
{
    public static RouteGroupBuilder MapLedger(this RouteGroupBuilder api)
    {
        var ledger = api.MapGroup("").WithTags("台账").RequireAuthorization(DubanPolicies.Oversight);
        ledger.MapGet("/ledger.xlsx", TasksAsync).WithName("ExportLedger").WithSummary("导出任务台账")
            .WithDescription("数据范围内每项任务一行：序号、任务、牵头单位、配合单位、完成时限、状态、最新进展（牵头单位最新的已通过或已提交报告）、更新时间。筛选同总览：planId、regionId。")
            .Produces(StatusCodes.Status200OK, contentType: XlsxWorkbook.ContentType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        ledger.MapGet("/indicators.xlsx", IndicatorsAsync).WithName("ExportIndicators").WithSummary("导出指标台账")
            .WithDescription("数据范围内的量化指标，每个填报单位一行：目标、单位、目标值、最新值及所属期、达成度、状态。筛选同总览：planId、regionId。")
            .Produces(StatusCodes.Status200OK, contentType: XlsxWorkbook.ContentType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static Task<IResult> TasksAsync(long? planId, long? regionId, HttpContext context, LedgerExport export, TimeProvider time, CancellationToken ct) =>
        export.TasksAsync(DubanUser.Required(context.User), new DashboardFilter(planId, regionId),
            $"{LedgerExport.TaskSheet}-{Duban.Core.Tracking.Status.TrackingDay.Today(time):yyyyMMdd}.xlsx", ct);

    private static Task<IResult> IndicatorsAsync(long? planId, long? regionId, HttpContext context, LedgerExport export, TimeProvider time, CancellationToken ct) =>
        export.IndicatorsAsync(DubanUser.Required(context.User), new DashboardFilter(planId, regionId),
            $"{LedgerExport.IndicatorSheet}-{Duban.Core.Tracking.Status.TrackingDay.Today(time):yyyyMMdd}.xlsx", ct);
}
