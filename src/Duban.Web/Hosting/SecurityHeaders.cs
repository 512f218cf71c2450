namespace Duban.Web.Hosting;

/// <summary>
/// Response headers that keep the pages from being framed, sniffed or fed scripts from elsewhere. The pages load
/// every script and style from this site (Bootstrap and ECharts are served from wwwroot/lib), so the policy can
/// forbid inline script. The API documentation page is left out: Swagger UI needs inline script.
/// </summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments("/" + Api.OpenApiSetup.BrowsablePath))
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    });
}
