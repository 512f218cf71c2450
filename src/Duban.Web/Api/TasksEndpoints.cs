using Duban.Web.Paging;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Duban.Web.Api;

public static class TasksEndpoints
{
    public static void MapTasks(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("任务").RequireAuthorization(DubanPolicies.SignedIn);
        tasks.MapGet("", ListAsync).WithName("ListTasks").WithSummary("任务查询")
            .WithDescription("分页列出当前用户数据范围内、各计划当前版本的任务（填报员只看到本单位承担的任务）。筛选：planId 计划；organizationId 单位；"
                             + "role 该单位的角色（lead 牵头、cooperating 配合；未给单位时，填报员指本单位）；dueFrom、dueTo 截止日期范围（yyyy-MM-dd，含两端）；"
                             + "ongoing 是否长期坚持；regionId 地区（含下级：该地区的计划或该地区单位承担的任务）；status 任务状态（notStarted、inProgress、completed、dueSoon、overdue、"
                             + "ongoingOnTrack、ongoingMissingReport，按 docs/status-rules.md 的规则计算，与总览的计数一致）；partlyCompleted=true 只列多个牵头单位中部分已完成、尚未全部完成的任务。sort：due（按截止日期，无日期的在后，默认）或 number（按计划、清单、编号）。"
                             + "翻页：响应中的 next、previous 是游标，作为 after、before 参数取下一页、上一页（任意深度都与第一页一样快）；page 仅用于前几页。"
                             + "total 为总数，totalKind 说明其性质：exact 精确；kept 为 countedAt 时统计、此后无写入；estimate 为 countedAt 时的统计、此后已有变动（约数，正在重新统计）；atLeast 表示至少这么多（首次统计进行中）。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<Results<Ok<KeysetPage<TaskView>>, ProblemHttpResult>> ListAsync(
        [AsParameters] PageQuery paging, string? after, string? before, long? planId, long? organizationId, string? role, string? dueFrom, string? dueTo, bool? ongoing, string? sort,
        string? status, long? regionId, bool? partlyCompleted, HttpContext context, PlanQueries queries, CancellationToken ct)
    {
        var page = KeysetRequest.From(paging.Page, paging.PageSize, after, before);
        if (page.Error is { } error) return ApiResults.From(error);
        var filter = TaskFilter.Parse(planId, organizationId, role, dueFrom, dueTo, ongoing, sort, status, regionId, partlyCompleted);
        if (filter.Error is { } invalid) return ApiResults.From(invalid);
        if (TaskCursor.Check(filter.Value!, page.Value!) is { } cursorError) return ApiResults.From(cursorError);
        return TypedResults.Ok(await queries.ListTasksAsync(DubanUser.Required(context.User), filter.Value!, page.Value!, ct));
    }
}
