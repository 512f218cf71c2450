using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Duban.Web.Dashboard;

public static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", GetAsync).WithTags("总览").RequireAuthorization(DubanPolicies.Oversight).Produces<DashboardView>()
            .WithName("GetDashboard").WithSummary("总览")
            .WithDescription("管理员与督查员数据范围内的任务状态计数（每项附带所计任务列表的链接）、各牵头单位的逾期任务与缺报、90 天内到期的任务、"
                             + "指标达成情况、各单位按期报送情况。筛选：planId 计划；regionId 地区（含下级）。各项的含义见 docs/dashboard.md。");
        return api;
    }

    // The body is the DashboardView serialized once for every reader waiting on the same computation (DashboardCoalescer).
    private static async Task<IResult> GetAsync(long? planId, long? regionId, HttpContext context, DashboardCoalescer dashboard, CancellationToken ct) =>
        TypedResults.Bytes(await dashboard.JsonAsync(DubanUser.Required(context.User), new DashboardFilter(planId, regionId), ct), "application/json; charset=utf-8");
}
