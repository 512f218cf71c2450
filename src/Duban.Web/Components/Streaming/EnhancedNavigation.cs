namespace Duban.Web.Components.Streaming;

/// <summary>
/// Whether a request came from blazor.web.js's enhanced navigation, the one kind of request whose page may be streamed:
/// the script applies the later parts (&lt;blazor-ssr&gt; blocks), where a browser without it would keep the placeholder.
/// </summary>
public static class EnhancedNavigation
{
    /// <summary>
    /// The Accept header blazor.web.js sets on its fetches, exactly: ASP.NET Core tests it the same way
    /// (EndpointHtmlRenderer.IsProgressivelyEnhancedNavigation, internal, so it is repeated here).
    /// </summary>
    public const string AcceptHeader = "text/html; blazor-enhanced-nav=on";

    public static bool IsEnhanced(HttpRequest request) =>
        request.Headers.Accept is { Count: 1 } accept && string.Equals(accept[0], AcceptHeader, StringComparison.Ordinal);

    /// <summary>
    /// A page may stream for an enhanced GET only, and only while its status is still 200. A POST is never streamed by
    /// the framework (it waits for every component); a page load by the browser itself, with or without script, gets
    /// the page in one piece. A page that has set another status (400, 403, 404) is not streamed either: the framework
    /// answers a 404 set while rendering with the status page (/status/404, re-executed), which a response already
    /// under way cannot become, and an error page has nothing worth a placeholder.
    /// </summary>
    public static bool MayStream(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) && IsEnhanced(context.Request) && context.Response.StatusCode == StatusCodes.Status200OK;
}
