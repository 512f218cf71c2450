using System.Text.Json;
using Duban.Core.Plans.Editing;
using Duban.Data.Audit;
using Duban.Web.Api;
using Duban.Web.Audit;
using Duban.Web.Operations;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Web.TaskEditing;

/// <summary>
/// Correcting and completing tasks under /api/v1 (docs/supervision.md, "Correcting tasks"): every write is an
/// administrator's responsible for the task's plan (404 for a task it cannot read, 403 for one it reads but does not
/// answer for), and every change of an existing task needs the task's ETag in If-Match (428 without, 412 stale).
/// </summary>
public static class TaskEditingEndpoints
{
    private const string IfMatchNote = "必须在 If-Match 中提供任务的 ETag（GET /api/v1/tasks/{id}）：过期返回 412，缺少返回 428。";

    public static RouteGroupBuilder MapTaskEditing(this RouteGroupBuilder api)
    {
        var reads = api.MapGroup("/tasks").WithTags("任务").RequireAuthorization(DubanPolicies.SignedIn);
        reads.MapGet("/{id:long}", GetAsync).WithName("GetTask").WithSummary("获取任务（含责任单位、指标、来源）")
            .WithDescription("任务的文字、编号、时限、责任单位（分工 id、角色、主责）、量化指标、所属清单的来源（计划文件或交办事项）；已退役的任务也可读取（retired、retiredReason、mergedIntoId）。ETag 用于修改时的 If-Match。数据范围以外返回 404。")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var tasks = api.MapGroup("/tasks").WithTags("任务").RequireAuthorization(DubanPolicies.Admin)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        tasks.MapPatch("/{id:long}", EditAsync).WithName("EditTask").WithSummary("修改任务（JSON merge patch）")
            .WithDescription("可修改 text（内容）、no（编号）、deadline（完成时限原文，按解析器规则读出日期、长期坚持、周期；null 清除时限）、due、start（yyyy-MM-dd）、ongoing、recurrence（monthly、quarterly、semester、halfYearly、yearly）、targets（量化指标的完整列表：带 id 的保留并修改，不带 id 的新增，未列出的删除——已有填报数值的指标不能删除，返回 409）。"
                             + "未出现的字段不变。" + IfMatchNote + "计划发布后的修改记入任务的督办记录（修改）。")
            .Accepts<JsonElement>("application/merge-patch+json", "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapDelete("/{id:long}", RetireAsync).WithName("RetireTask").WithSummary("退役任务（不是任务时删除）")
            .WithDescription("任务退役：不再出现在任务列表、计数、状态、总览、督办和填报中，与被新版本删除的任务相同；其分工、进展报告、指标数值、督办单和督办记录保留。reason 为原因（查询参数，可省略）。" + IfMatchNote);
        tasks.MapPost("/{id:long}/assignments", AddAssignmentAsync).WithName("AddTaskAssignment").WithSummary("添加责任单位")
            .WithDescription("请求体 {organizationId, role: lead|cooperating, primary}。primary 为 true 时该单位成为唯一的主责牵头单位。单位须在本人的数据范围内、有效且未被合并。" + IfMatchNote)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPatch("/{id:long}/assignments/{assignmentId:long}", ChangeAssignmentAsync).WithName("ChangeTaskAssignment").WithSummary("修改责任单位的角色或主责")
            .WithDescription("请求体 {role: lead|cooperating, primary}。分工的进展报告、督办单随分工保留。" + IfMatchNote)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        tasks.MapDelete("/{id:long}/assignments/{assignmentId:long}", RemoveAssignmentAsync).WithName("RemoveTaskAssignment").WithSummary("移除责任单位")
            .WithDescription("已有进展报告、督办单、督办记录、摸底情况或指标数值的分工不能移除（409）：可改为配合单位，或将任务退役。" + IfMatchNote)
            .ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/{id:long}/split", SplitAsync).WithName("SplitTask").WithSummary("拆分任务")
            .WithDescription("请求体 {text（本任务保留的内容，可省略）, newText（拆出的内容）, newNo（拆出任务的编号，默认“编号-2”）, organizationIds（拆出任务的责任单位，默认全部）}。本任务保留其进展报告、指标、督办单；拆出的任务是新任务。返回两个任务。" + IfMatchNote)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        tasks.MapPost("/{id:long}/merge", MergeAsync).WithName("MergeTask").WithSummary("合并任务")
            .WithDescription("请求体 {mergedTaskId（并入本任务的同一计划的任务）, text（合并后的内容，可省略）}。本任务增加被合并任务的责任单位；被合并的任务退役（mergedIntoId 指向本任务），其进展报告、指标数值、督办单保留在它自己名下。" + IfMatchNote)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        var plans = api.MapGroup("/plans").WithTags("计划").RequireAuthorization(DubanPolicies.Admin)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status400BadRequest);
        plans.MapPost("", CreatePlanAsync).WithName("CreatePlan").WithSummary("新建计划（交办事项，无文件）")
            .WithDescription("请求体 {title, regionId, docNumber, issuer, issueDate, listName, source: {kind: instruction（领导批示交办）| meetingDecision（会议议定事项）| upperAssignment（上级交办）| annualPriority（年度重点工作）| document（计划文件，手工录入）, instructor（批示领导、交办单位）, date, reference（会议或文件）}}。"
                             + "新建草稿计划，版本无文件，含一个空的任务清单；再用 POST /api/v1/plans/{id}/tasks 添加任务。regionId 须在本人的管理范围内。");
        plans.MapPost("/{id:long}/tasks", AddTaskAsync).WithName("AddTask").WithSummary("添加任务")
            .WithDescription("请求体：text（必填）、no（默认清单中的下一个编号）、deadline、due、start、ongoing、recurrence、targets（同 PATCH /api/v1/tasks/{id}）、taskListId（默认当前版本的第一个清单）、assignments [{organizationId, role, primary}]。任务的 key 为 manual:…，导入新版本时不会被配对或删除。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static IServiceCollection AddTaskEditing(this IServiceCollection services) => services.AddScoped<TaskEditor>();

    private static async Task<Results<OkWithETag<EditedTaskView>, ProblemHttpResult>> GetAsync(long id, HttpContext context, TaskEditor editor, CancellationToken ct)
    {
        var task = await editor.GetAsync(DubanUser.Required(context.User), id, ct);
        return task is null ? ApiResults.NotFound("未找到该任务。") : new OkWithETag<EditedTaskView>(task, task.Version);
    }

    /// <summary>Who may, then which version: 404 / 403 before 428, so that a refusal tells nothing about the record.</summary>
    private static async Task<(DubanUser Admin, Guid? Expected, ProblemHttpResult? Refused)> CheckAsync(long id, string? ifMatch, HttpContext context, TaskEditor editor, CancellationToken ct)
    {
        var admin = DubanUser.Required(context.User);
        if (await editor.AccessAsync(admin, id, ct) is { } refused) return (admin, null, ApiResults.From(refused));
        var expected = ETags.ExpectedVersion(ifMatch);
        return expected.Error is { } missing ? (admin, null, ApiResults.From(missing)) : (admin, expected.Value, null);
    }

    private static Results<OkWithETag<EditedTaskView>, ProblemHttpResult> Answer(Outcome<EditedTaskView> outcome) =>
        outcome.Error is { } error ? ApiResults.From(error) : new OkWithETag<EditedTaskView>(outcome.Value!, outcome.Value!.Version);

    private static async Task<Results<OkWithETag<EditedTaskView>, ProblemHttpResult>> EditAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, JsonElement body, HttpContext context, TaskEditor editor, CancellationToken ct)
    {
        var (admin, expected, refused) = await CheckAsync(id, ifMatch, context, editor, ct);
        if (refused is not null) return refused;
        var (patch, problem) = TaskPatchReader.Read(body);
        if (problem is not null) return ApiResults.Problem(StatusCodes.Status400BadRequest, ApiResults.InvalidFieldTitle, problem.Message, problem.Field);
        return Answer(await editor.EditAsync(admin, Actor.From(context), id, expected, patch!, ct));
    }

    private static async Task<Results<OkWithETag<EditedTaskView>, ProblemHttpResult>> RetireAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, string? reason, HttpContext context, TaskEditor editor, CancellationToken ct)
    {
        var (admin, expected, refused) = await CheckAsync(id, ifMatch, context, editor, ct);
        if (refused is not null) return refused;
        return Answer(await editor.RetireAsync(admin, Actor.From(context), id, expected, new RetireInput(reason), ct));
    }

    private static async Task<Results<OkWithETag<EditedTaskView>, ProblemHttpResult>> AddAssignmentAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, AssignmentInput body, HttpContext context, TaskEditor editor, CancellationToken ct)
    {
        var (admin, expected, refused) = await CheckAsync(id, ifMatch, context, editor, ct);
        if (refused is not null) return refused;
        return Answer(await editor.AddAssignmentAsync(admin, Actor.From(context), id, expected, body, ct));
    }

    private static async Task<Results<OkWithETag<EditedTaskView>, ProblemHttpResult>> ChangeAssignmentAsync(
        long id, long assignmentId, [FromHeader(Name = "If-Match")] string? ifMatch, AssignmentChange body, HttpContext context, TaskEditor editor, CancellationToken ct)
    {
        var (admin, expected, refused) = await CheckAsync(id, ifMatch, context, editor, ct);
        if (refused is not null) return refused;
        return Answer(await editor.ChangeAssignmentAsync(admin, Actor.From(context), id, assignmentId, expected, body, ct));
    }

    private static async Task<Results<OkWithETag<EditedTaskView>, ProblemHttpResult>> RemoveAssignmentAsync(
        long id, long assignmentId, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext context, TaskEditor editor, CancellationToken ct)
    {
        var (admin, expected, refused) = await CheckAsync(id, ifMatch, context, editor, ct);
        if (refused is not null) return refused;
        return Answer(await editor.RemoveAssignmentAsync(admin, Actor.From(context), id, assignmentId, expected, ct));
    }

    private static async Task<Results<Created<SplitView>, ProblemHttpResult>> SplitAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, SplitInput body, HttpContext context, TaskEditor editor, CancellationToken ct)
    {
        var (admin, expected, refused) = await CheckAsync(id, ifMatch, context, editor, ct);
        if (refused is not null) return refused;
        var outcome = await editor.SplitAsync(admin, Actor.From(context), id, expected, body, ct);
        if (outcome.Error is { } error) return ApiResults.From(error);
        context.Response.Headers.ETag = ETags.Of(outcome.Value!.Task.Version);
        return TypedResults.Created($"{ApiEndpoints.Prefix}/tasks/{outcome.Value.NewTask.Id}", outcome.Value);
    }

    private static async Task<Results<OkWithETag<MergeView>, ProblemHttpResult>> MergeAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, MergeInput body, HttpContext context, TaskEditor editor, CancellationToken ct)
    {
        var (admin, expected, refused) = await CheckAsync(id, ifMatch, context, editor, ct);
        if (refused is not null) return refused;
        var outcome = await editor.MergeAsync(admin, Actor.From(context), id, expected, body, ct);
        return outcome.Error is { } error ? ApiResults.From(error) : new OkWithETag<MergeView>(outcome.Value!, outcome.Value!.Task.Version);
    }

    private static async Task<Results<CreatedWithETag<CreatedPlanView>, ProblemHttpResult>> CreatePlanAsync(PlanInput body, HttpContext context, TaskEditor editor, CancellationToken ct)
    {
        var outcome = await editor.CreatePlanAsync(DubanUser.Required(context.User), Actor.From(context), body, ct);
        return outcome.Error is { } error ? ApiResults.From(error)
            : new CreatedWithETag<CreatedPlanView>(outcome.Value!, outcome.Value!.Version, $"{ApiEndpoints.Prefix}/plans/{outcome.Value.Id}");
    }

    private static readonly IReadOnlySet<string> NewTaskMembers = new HashSet<string> { "taskListId", "assignments" };

    private static async Task<Results<CreatedWithETag<EditedTaskView>, ProblemHttpResult>> AddTaskAsync(long id, JsonElement body, HttpContext context, TaskEditor editor, CancellationToken ct)
    {
        var admin = DubanUser.Required(context.User);
        if (await editor.PlanAccessAsync(admin, id, ct) is { } refused) return ApiResults.From(refused);
        var (fields, problem) = TaskPatchReader.Read(body, NewTaskMembers);
        if (problem is not null) return ApiResults.Problem(StatusCodes.Status400BadRequest, ApiResults.InvalidFieldTitle, problem.Message, problem.Field);
        long? listId = null;
        if (body.TryGetProperty("taskListId", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Number || !list.TryGetInt64(out var parsed))
                return ApiResults.Problem(StatusCodes.Status400BadRequest, ApiResults.InvalidFieldTitle, "taskListId（任务清单）必须是整数。", "taskListId");
            listId = parsed;
        }
        List<AssignmentInput> assignments = [];
        if (body.TryGetProperty("assignments", out var units) && units.ValueKind != JsonValueKind.Null)
        {
            try
            {
                assignments = units.Deserialize<List<AssignmentInput>>(JsonSerializerOptions.Web) ?? [];
            }
            catch (JsonException)
            {
                return ApiResults.Problem(StatusCodes.Status400BadRequest, ApiResults.InvalidFieldTitle,
                    "assignments（责任单位）必须是数组：[{\"organizationId\": 1, \"role\": \"lead\", \"primary\": true}]。", "assignments");
            }
            if (assignments.Any(a => a is null) || assignments.Count > 100)
                return ApiResults.Problem(StatusCodes.Status400BadRequest, ApiResults.InvalidFieldTitle, "assignments（责任单位）必须是对象的数组，最多 100 个。", "assignments");
        }
        var outcome = await editor.AddTaskAsync(admin, Actor.From(context), id, listId, fields!, assignments, ct);
        return outcome.Error is { } error ? ApiResults.From(error)
            : new CreatedWithETag<EditedTaskView>(outcome.Value!, outcome.Value!.Version, $"{ApiEndpoints.Prefix}/tasks/{outcome.Value.Id}");
    }
}
