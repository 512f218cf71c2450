using System.Net.Http.Json;
using System.Text.Json;
using Duban.Web.Security;

namespace Duban.Web.Tests.Infrastructure;

/// <summary>
/// What Duban's own page script does before an API write made with the sign-in cookie: fetch the antiforgery token
/// once and send it in its header (docs/web.md, "Cross-site requests"). Requests with a Bearer token, reads, and page
/// form posts go through untouched, so a test of a form without its token still sees the refusal.
/// </summary>
public sealed class ApiAntiforgeryHandler : DelegatingHandler
{
    private string? token;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (NeedsToken(request))
        {
            token ??= await FetchAsync(request.RequestUri!, cancellationToken);
            if (token is not null) request.Headers.TryAddWithoutValidation(ApiCookieWriteGuard.HeaderName, token);
        }
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>Forget the token, as a page does after signing in as someone else.</summary>
    public void Reset() => token = null;

    private static bool NeedsToken(HttpRequestMessage request) =>
        request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && request.Method != HttpMethod.Options
        && request.RequestUri is { } uri && uri.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)
        && request.Headers.Authorization is null
        && !request.Headers.Contains(ApiCookieWriteGuard.HeaderName);

    private async Task<string?> FetchAsync(Uri like, CancellationToken ct)
    {
        using var ask = new HttpRequestMessage(HttpMethod.Get, new Uri(like, "/api/v1/me/antiforgery"));
        using var answer = await base.SendAsync(ask, ct);
        if (!answer.IsSuccessStatusCode) return null;
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>(ct);
        return body.GetProperty("token").GetString();
    }
}
