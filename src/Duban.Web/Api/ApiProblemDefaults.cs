using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Duban.Web.Api;

/// <summary>
/// Makes the problems the framework writes by itself (unknown routes, wrong methods, unreadable bodies, crashes) speak
/// Chinese like the ones the endpoints write. Every title and message of ours contains Chinese, so one without any is
/// a framework default and is replaced.
/// </summary>
public static partial class ApiProblemDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!HasChinese(problem.Title)) problem.Title = ApiResults.TitleFor(status);
        if (!HasChinese(problem.Detail)) problem.Detail = ApiResults.DetailFor(status);
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }

    private static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [GeneratedRegex("""parameter "(?:[^"]*\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)" """, RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();

    /// <summary>The field a bad request was about: the JSON path of an unreadable body value, or the name of a query or route value.</summary>
    public static string? FieldOf(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException { Path: { Length: > 0 } path } && path != "$")
            return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        var match = ParameterName().Match(exception.Message + " ");
        // Parameters bound through [AsParameters] records carry their C# names (Page); the API's names are camel case.
        return match.Success ? JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value) : null;
    }
}

/// <summary>
/// Turns an API request the framework could not bind (a malformed number in the query, JSON that does not fit the body
/// type) into a 400 problem that names the field; RouteHandlerOptions.ThrowOnBadRequest makes those throw to reach here.
/// </summary>
public sealed class ApiBadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad || !context.Request.Path.StartsWithSegments(ApiEndpoints.Prefix)) return false;
        var field = bad.StatusCode == StatusCodes.Status400BadRequest ? ApiProblemDefaults.FieldOf(bad) : null;
        var detail = field is null ? ApiResults.DetailFor(bad.StatusCode) : $"字段 {field} 的值缺失或格式不正确。";
        context.Response.StatusCode = bad.StatusCode;
        var title = field is null ? ApiResults.TitleFor(bad.StatusCode) : ApiResults.InvalidFieldTitle;
        await ApiResults.Problem(bad.StatusCode, title, detail, field).ExecuteAsync(context);
        return true;
    }
}
