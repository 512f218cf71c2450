namespace Duban.Web.Api;

/// <summary>Writes an RFC 7807 problem from places that have no endpoint result to return: authentication challenges, rate limiting.</summary>
public sealed class ApiProblemWriter
{
    public Task WriteAsync(HttpContext context, int status, string title, string detail, string? field = null)
    {
        context.Response.StatusCode = status;
        return ApiResults.Problem(status, title, detail, field).ExecuteAsync(context);
    }
}
