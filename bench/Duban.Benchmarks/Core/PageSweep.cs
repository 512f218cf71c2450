namespace Duban.Benchmarks.Core;

/// <summary>
/// Every list page of the application, as the province's administrator and an organisation's reporter open it, over
/// HTTP on the benchmark's database (<c>core --pages</c>): the issue asks for every list page under 100 ms p95, not only
/// the task list that the rest of <c>core</c> times. The paths are the first page of each list with its default filter,
/// as the side menu links them.
/// </summary>
public static class PageSweep
{
    /// <summary>Pages the province's administrator (scope 本地区及下级) opens from the side menu.</summary>
    public static readonly IReadOnlyList<string> AdministratorPages =
    [
        "/", "/dashboard", "/plans", "/tasks", "/review", "/supervision", "/assessments", "/assessment-schemes",
        "/comparison", "/bodies", "/notifications", "/users", "/organizations", "/regions", "/audit",
    ];

    /// <summary>Pages an organisation's reporter opens.</summary>
    public static readonly IReadOnlyList<string> ReporterPages = ["/", "/my", "/tasks", "/plans", "/notifications"];

    public static async Task<IReadOnlyList<Latency>> RunAsync(HttpClient client, Reader administrator, IReadOnlyList<Reader> reporters,
        int warmup, int iterations, string? only, CancellationToken ct)
    {
        var results = new List<Latency>();
        foreach (var page in AdministratorPages.Where(p => only is null || p == only))
            results.Add(await TaskQueryBench.OverHttpAsync($"administrator, page {page}", client, [administrator], r => (r, page), warmup, iterations, ct));
        foreach (var page in ReporterPages.Where(p => only is null || p == only))
            results.Add(await TaskQueryBench.OverHttpAsync($"reporter, page {page}", client, reporters, r => (r, page), warmup, iterations, ct));
        return results;
    }

    /// <summary>Each page once, failing with the page's address when one does not answer 200 (a page refused to a reader is not timed).</summary>
    public static async Task CheckAsync(HttpClient client, Reader administrator, IReadOnlyList<Reader> reporters, string? only, CancellationToken ct)
    {
        foreach (var (reader, page) in AdministratorPages.Select(p => (administrator, p)).Concat(ReporterPages.Select(p => (reporters[0], p))))
        {
            if (only is not null && page != only) continue;
            using var request = new HttpRequestMessage(HttpMethod.Get, page);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", reader.Token);
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{page} answered {(int)response.StatusCode} to {reader.User.UserName}");
        }
    }
}
