using Duban.Web.Operations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Web.Api;

/// <summary>
/// Problem details the way this API writes them: a Chinese title and a Chinese message a person can act on, and for
/// a wrong field its JSON name both as "field" and in "errors", where validating clients look for it.
/// </summary>
public static class ApiResults
{
    public const string InvalidFieldTitle = "请求参数有误";

    public static ProblemHttpResult Problem(int status, string title, string detail, string? field = null)
    {
        ProblemDetails problem = field is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] });
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        if (field is not null) problem.Extensions["field"] = field;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult From(OperationError error) => error.Kind switch
    {
        ErrorKind.Validation => Problem(StatusCodes.Status400BadRequest, InvalidFieldTitle, error.Message, error.Field),
        ErrorKind.NotFound => Problem(StatusCodes.Status404NotFound, "未找到", error.Message, error.Field),
        ErrorKind.Conflict => Problem(StatusCodes.Status409Conflict, "与现有数据冲突", error.Message, error.Field),
        ErrorKind.PreconditionFailed => Problem(StatusCodes.Status412PreconditionFailed, "数据已被修改", error.Message, error.Field),
        ErrorKind.PreconditionRequired => Problem(StatusCodes.Status428PreconditionRequired, "缺少 If-Match 请求头", error.Message, error.Field),
        ErrorKind.Forbidden => Problem(StatusCodes.Status403Forbidden, "无权访问", error.Message, error.Field),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error.Kind, null),
    };

    public static ProblemHttpResult NotFound(string message) => Problem(StatusCodes.Status404NotFound, "未找到", message);

    /// <summary>The Chinese title for a status when the framework wrote the problem (bad routes, methods, media types).</summary>
    public static string TitleFor(int status) => status switch
    {
        400 => "请求无效",
        401 => "未登录",
        403 => "无权访问",
        404 => "未找到",
        405 => "不支持该请求方法",
        406 => "无法提供所要求的格式",
        409 => "与现有数据冲突",
        412 => "数据已被修改",
        413 => "请求内容过大",
        415 => "不支持的内容类型",
        428 => "缺少 If-Match 请求头",
        429 => "请求过于频繁",
        >= 500 => "服务器内部错误",
        _ => "请求失败",
    };

    public static string DetailFor(int status) => status switch
    {
        400 => "请求的格式或参数不正确。",
        401 => "请先登录，或在 Authorization 请求头中提供 API 令牌（Bearer）。",
        403 => "当前用户的角色无权执行此操作。",
        404 => "请求的地址或资源不存在。",
        405 => "该地址不支持此请求方法。",
        406 => "该地址只提供 JSON 格式的结果。",
        413 => "请求内容超过了允许的大小。",
        415 => "请求体必须是 JSON（Content-Type: application/json）。",
        429 => "请求过于频繁，请稍后再试。",
        >= 500 => "服务器处理请求时出错，请稍后再试；如问题持续，请联系管理员。",
        _ => "请求未能完成。",
    };
}
