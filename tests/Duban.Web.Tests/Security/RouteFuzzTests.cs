using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Duban.Core.Security;
using Duban.Web.Demo;
using Duban.Web.Security;
using Duban.Web.Tests.Authorization;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Duban.Web.Tests.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Duban.Web.Tests.Security;

/// <summary>
/// Every route of the route table, API and pages, sent hostile values in every route value and every query value it
/// reads (found by reflection, <see cref="EndpointInputs"/>), plus the query names lists commonly take, and — for API
/// writes — malformed bodies and hostile values in each property of the JSON body; as an administrator with scope 全部
/// and as a reporter, each where its role lets it in. No answer may be a server error. Each hostile value is tried once
/// per input, with every other input at a valid value (a record the caller may see), so that the request reaches the
/// code that reads the input: no cartesian product, a few thousand requests in all.
/// </summary>
public sealed class RouteFuzzTests(PlansFixture plans, ITestOutputHelper output) : IClassFixture<PlansFixture>
{
    /// <summary>What a hand-edited address or a careless script sends: not a number, out of every range, not a date, invisible, huge.</summary>
    public static readonly IReadOnlyList<string> HostileValues =
    [
        "x", "-1", "0", int.MaxValue.ToString(), long.MaxValue.ToString(), "99999999999999999999999999999999", "1e400",
        "0001-01-01", "9999-12-01", "9999-12-31", "9999-12-31T23:59:59",
        "\t", "/\t/evil.example", "\n", "\0", "\u202E", new string('长', 10_000),
        // Cursors of the lists read by key (after=, before=) with keys at and past their ends.
        "o.253402300799999.9223372036854775807", "a.-62135596800000.-9223372036854775808", "v.2.-62135596800001.-1", "r.3652059.0.0.0", "d.2147483648.1.1.1.1",
    ];

    /// <summary>Query names list endpoints and pages commonly take: sent together to every route, whether it declares them or not.</summary>
    public static readonly IReadOnlyList<string> CommonQueryNames = ["page", "pageSize", "from", "to", "period", "status", "planId", "organizationId", "unread", "q", "after", "before"];

    /// <summary>Hostile values of one JSON property: the wrong type, out of every range, absurd dates, invisible, huge.</summary>
    public static readonly IReadOnlyList<string> HostileJsonValues =
    [
        "\"x\"", "-1", "0", int.MaxValue.ToString(), long.MaxValue.ToString(), "99999999999999999999999999999999", "1e400", "1.5",
        "\"0001-01-01\"", "\"9999-12-01\"", "\"9999-12-31\"", "\"9999-12-31T23:59:59\"",
        "\"\\t\"", "\"\\n\"", "\"\\u0000\"", "\"\\u202E\"", "\"" + new string('长', 10_000) + "\"", "[]", "{}", "true", "null",
    ];

    private const string Boundary = "duban-fuzz-boundary";

    /// <summary>Bodies no endpoint can read as it expects: broken JSON, JSON of the wrong shape, a huge number, broken multipart.</summary>
    public static IEnumerable<(string Name, Func<HttpContent> Content)> MalformedBodies()
    {
        yield return ("invalid JSON", () => Json("{\"a\":"));
        yield return ("JSON array", () => Json("[1,2,3]"));
        yield return ("JSON number", () => Json("42"));
        yield return ("JSON string", () => Json("\"text\""));
        yield return ("huge JSON number", () => Json("99999999999999999999999999999999999999999999"));
        yield return ("empty JSON body", () => Json(""));
        yield return ("multipart without closing boundary", () => Multipart(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 and no end", Boundary));
        yield return ("multipart with a broken part header", () => Multipart($"--{Boundary}\r\nContent-Disposition\r\n\r\nx\r\n--{Boundary}--\r\n", Boundary));
        yield return ("multipart without boundary", () => Multipart("x", null));
    }

    private static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");

    private static HttpContent Multipart(string text, string? boundary)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(boundary is null ? "multipart/form-data" : $"multipart/form-data; boundary={boundary}");
        return content;
    }

    private sealed record Request(Caller Caller, string Method, string Path, string What, Func<HttpContent>? Body = null);

    [Fact]
    public async Task No_route_answers_a_hostile_request_with_a_server_error()
    {
        var samples = await SamplesAsync();
        var bodyBaseline = await BodyBaselineAsync();
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Admin] = await plans.Factory.SignedInAsync(DemoAccounts.Admin),
            [Caller.Reporter] = await plans.Factory.SignedInAsync(DemoAccounts.Reporter),
        };
        var services = plans.Factory.Services.GetRequiredService<IServiceProviderIsService>();
        var endpoints = plans.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // Signing out would end the session the rest of the run uses; it takes no input but the antiforgery token.
            .Where(e => e.RoutePattern.RawText != Duban.Web.Account.AccountEndpoints.SignOutPath)
            .Where(IsOurs)
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal).ToList();

        var requests = new List<Request>();
        var unsampled = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern;
            var missing = RouteSamples.Missing(pattern, samples);
            if (missing.Count > 0)
            {
                unsampled.Add($"{pattern.RawText}: {string.Join(", ", missing)}");
                continue;
            }
            var inputs = EndpointInputs.Of(endpoint, services);
            var isApi = pattern.RawText!.StartsWith("/api/", StringComparison.Ordinal);
            foreach (var method in MethodsOf(endpoint))
            foreach (var caller in clients.Keys.Where(c => MayEnter(c, endpoint)))
            {
                var path = RouteSamples.Fill(pattern, samples, caller, Scope.In)!;
                var reads = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
                // Page forms need their antiforgery token, refused with 400 before they read anything; their reads are fuzzed.
                if (!reads && !isApi) continue;
                foreach (var value in HostileValues)
                {
                    // A NUL in the path is refused by the server before routing (Kestrel: 400); the in-memory server throws instead.
                    foreach (var parameter in value.Contains('\0') ? [] : pattern.Parameters)
                    {
                        var hostile = new Dictionary<string, ParameterSample>(samples) { [RouteSamples.KeyOf(pattern, parameter)] = ParameterSample.Unscoped(value) };
                        requests.Add(new(caller, method, RouteSamples.Fill(pattern, hostile, caller, Scope.In)!, $"route value {parameter.Name}", BodyFor(method)));
                    }
                    if (!reads) continue;
                    foreach (var name in inputs.Query) requests.Add(new(caller, method, path + Query([name], value), $"query {name}"));
                    requests.Add(new(caller, method, path + Query(CommonQueryNames.Except(inputs.Query, StringComparer.OrdinalIgnoreCase), value), "common query names"));
                }
                if (reads || !isApi) continue;
                foreach (var (name, body) in MalformedBodies()) requests.Add(new(caller, method, path, name, body));
                foreach (var property in inputs.BodyProperties)
                foreach (var raw in HostileJsonValues)
                {
                    var json = new JsonObject();
                    foreach (var other in inputs.BodyProperties.Where(p => p != property && bodyBaseline.ContainsKey(p))) json[other] = bodyBaseline[other](caller);
                    json[property] = JsonNode.Parse(raw);
                    var text = json.ToJsonString();
                    requests.Add(new(caller, method, path, $"body property {property} = {Shorten(raw)}", () => Json(text)));
                }
            }
        }
        unsampled.ShouldBeEmpty("routes with a parameter that has no valid sample value; add one to SamplesAsync in RouteFuzzTests.cs");

        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        foreach (var request in requests)
        {
            var seen = await SendAsync(clients[request.Caller], request);
            if (seen is not null) failures.Add($"{request.Caller.ToString().ToLowerInvariant()} × {request.Method} {Shorten(request.Path)} [{request.What}] → {seen}");
        }
        output.WriteLine($"{requests.Count} requests to {endpoints.Count} routes in {watch.Elapsed.TotalSeconds:F1} s");

        // Not a vacuous run: the inputs were found, and both callers kept their sessions to the end.
        requests.Count.ShouldBeGreaterThan(2000);
        requests.ShouldContain(r => r.What == "query to" && r.Path.StartsWith("/api/v1/plans/", StringComparison.Ordinal));
        foreach (var (caller, client) in clients)
            (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, $"the {caller} was signed out by the run");
        failures.ShouldBeEmpty($"{failures.Count} of {requests.Count} hostile requests answered with a server error:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Pages_read_their_query_values_as_text_and_the_inputs_of_endpoints_are_found()
    {
        // A typed [SupplyParameterFromQuery] (int?, bool?) that fails to bind (?page=x) fails the whole request with a 500;
        // pages read text and say what is wrong with it (Paging/QueryValue.cs).
        var typed = typeof(Duban.Web.Components.App).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
                .Where(p => p.IsDefined(typeof(Microsoft.AspNetCore.Components.SupplyParameterFromQueryAttribute), true) && p.PropertyType != typeof(string))
                .Select(p => $"{t.Name}.{p.Name} ({p.PropertyType.Name})"))
            .ToList();
        typed.ShouldBeEmpty();

        var services = plans.Factory.Services.GetRequiredService<IServiceProviderIsService>();
        var endpoints = plans.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        EndpointInputs Of(string pattern, string method) => EndpointInputs.Of(endpoints.Single(e => e.RoutePattern.RawText == pattern
            && (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(method) ?? method == HttpMethods.Get)), services);
        Of("/api/v1/reports/", HttpMethods.Get).Query.ShouldBe(["page", "pageSize", "after", "before", "planId", "organizationId", "periodId", "state", "status", "queue"], ignoreOrder: true);
        Of("/api/v1/supervision-orders/", HttpMethods.Get).Query.ShouldBe(["page", "pageSize", "after", "before", "status", "taskId", "planId", "organizationId"], ignoreOrder: true);
        Of("/supervision", HttpMethods.Get).Query.ShouldBe(["page", "status", "planId", "organizationId", "taskId", "after", "before", "unreachable"], ignoreOrder: true);
        Of("/review", HttpMethods.Get).Query.ShouldBe(["planId", "organizationId", "page", "after", "before"], ignoreOrder: true);
        Of("/audit", HttpMethods.Get).Query.ShouldBe(["user", "action", "entity", "from", "to", "page", "after", "before"], ignoreOrder: true);
        Of("/api/v1/plans/{id:long}/periods", HttpMethods.Get).Query.ShouldBe(["from", "to"], ignoreOrder: true);
        Of("/api/v1/reports/", HttpMethods.Post).BodyProperties.ShouldContain("periodStart");
        Of("/notifications", HttpMethods.Get).Query.ShouldBe(["page", "unread"], ignoreOrder: true);
        Of("/notifications", HttpMethods.Get).IsPage.ShouldBeTrue();
    }

    private static string Query(IEnumerable<string> names, string value) =>
        "?" + string.Join("&", names.Select(n => $"{Uri.EscapeDataString(n)}={Uri.EscapeDataString(value)}"));

    /// <summary>An API write fuzzed in its route values carries an empty JSON object, as a script would send.</summary>
    private static Func<HttpContent>? BodyFor(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsDelete(method) ? null : () => Json("{}");

    /// <summary>Null when the answer is no server error; otherwise what was seen.</summary>
    private static async Task<string?> SendAsync(HttpClient client, Request request)
    {
        try
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
            if (request.Body is not null) message.Content = request.Body();
            using var response = await client.SendAsync(message);
            return (int)response.StatusCode >= 500 ? ((int)response.StatusCode).ToString() : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The in-memory server hands an exception thrown after the answer started to the client.
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + $"…({text.Length} characters)" : text;

    private static IEnumerable<string> MethodsOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : [HttpMethods.Get];

    /// <summary>
    /// A page, or an endpoint whose handler is this application's code. The framework's own endpoints (the static
    /// files, the OpenAPI document) read nothing of a request but its path, and would take a quarter of the run.
    /// </summary>
    private static bool IsOurs(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
        || endpoint.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.DeclaringType?.Assembly == typeof(Duban.Web.Components.App).Assembly;

    /// <summary>Whether the endpoint's rule lets the caller's role in: a refused role is turned away before any input is read.</summary>
    private static bool MayEnter(Caller caller, Endpoint endpoint)
    {
        var rule = EndpointRulesTests.RuleOf(endpoint);
        if (rule is null or "anonymous") return true;
        var allowed = caller == Caller.Reporter
            ? new[] { DubanPolicies.SignedIn, DubanPolicies.Reporter }
            : [DubanPolicies.SignedIn, DubanPolicies.Oversight, DubanPolicies.Admin, DubanPolicies.FullAdmin];
        return rule.Split('+').All(allowed.Contains);
    }

    /// <summary>A valid value for every route parameter: a record the caller may see, so that the request gets past the look-up.</summary>
    private async Task<Dictionary<string, ParameterSample>> SamplesAsync()
    {
        var factory = plans.Factory;
        var city = await factory.RegionIdAsync(DemoSeeder.City);
        var cityEducation = await factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        // Users and an alias of the run's own, so that what the administrator's requests change touches nobody the run signs in as.
        var target = await factory.CreateUserAsync("fuzz-target", "fuzz-target-password", Role.Reporter, DataScope.Own, cityEducation);
        var alias = await factory.WithDbAsync(async db =>
        {
            var added = new Duban.Core.Organizations.OrganizationAlias { OrganizationId = cityEducation, Name = "模糊测试别名" };
            db.OrganizationAliases.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        var notifications = await NotificationSamples.AddAsync(factory);
        var tracking = await TrackingRecords.CreateAsync(factory, plans.PublishedPlanId, plans.OtherRegionPlanId, "模糊");
        var supervision = await SupervisionSamples.AddAsync(factory, plans.PublishedPlanId, plans.OtherRegionPlanId, "模糊");
        var assessments = await AssessmentSamples.AddAsync(factory, "模糊");
        var bodies = await GovernanceSamples.AddAsync(factory, "模糊", plans.PublishedPlanId);
        var (requirement, filing) = await CascadeSamples.RequirementAsync(factory, plans.PublishedPlanId, null);
        ParameterSample Same(long id) => ParameterSample.Unscoped(id.ToString());
        var calendar = await CalendarSamples.AddAsync(factory, target.Id);
        return new()
        {
            ["plans/{id}"] = Same(plans.PublishedPlanId),
            ["users/{id}"] = Same(target.Id),
            ["regions/{id}"] = Same(city),
            ["organizations/{id}"] = Same(cityEducation),
            ["aliases/{aliasid}"] = Same(alias),
            // Into itself: refused after everything else is read, and nothing is merged.
            ["merge-into/{targetid}"] = Same(cityEducation),
            ["import/{token}"] = ParameterSample.Unscoped("not-a-token"),
            ["status/{code}"] = ParameterSample.Unscoped("400"),
            ["notifications/{id}"] = new(c => notifications.OwnOf(c).ToString(), _ => null),
            ["webhooks/{id}"] = Same(notifications.Webhook),
            ["reports/{id}"] = Same(tracking.ReportInside),
            ["evidence/{id}"] = Same(tracking.EvidenceInside),
            ["observations/{id}"] = Same(tracking.ObservationInside),
            ["targets/{id}"] = Same(tracking.TargetInside),
            ["tasks/{id}"] = Same(supervision.TaskInside),
            ["supervision-orders/{id}"] = Same(supervision.OrderInside),
            ["supervision/{id}"] = Same(supervision.OrderInside),
            // An assignment of the sampled task: the task-editing routes read it after the task (and after If-Match).
            ["assignments/{assignmentid}"] = Same(await factory.WithDbAsync(db => db.Assignments.Where(a => a.TaskId == supervision.TaskInside).Select(a => a.Id).FirstAsync())),
            // 清河市's scheme and assessment, over 清河市教育局 (the reporter's own organisation) and its evidence file.
            ["assessment-schemes/{id}"] = Same(assessments.CityScheme),
            ["assessments/{id}"] = Same(assessments.CityAssessment),
            ["cards/{organizationid}"] = Same(cityEducation),
            ["evidence/{evidenceid}"] = Same(assessments.CityEvidence),
            ["calendar/{token}"] = ParameterSample.Unscoped(calendar.Active),
            ["assessments/{assessmentid}"] = Same(assessments.CityPublished),
            ["bodies/{id}"] = Same(bodies[0].Body),
            ["meetings/{id}"] = Same(bodies[0].Meeting),
            ["filing-requirements/{id}"] = Same(requirement),
            ["filings/{id}"] = Same(filing),
        };
    }

    /// <summary>Valid values of the JSON properties that name records, so that a hostile value in another property is read past the look-ups.</summary>
    private async Task<Dictionary<string, Func<Caller, JsonNode?>>> BodyBaselineAsync()
    {
        var factory = plans.Factory;
        var cityEducation = await factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var (assignment, task, target) = await factory.WithDbAsync(async db =>
        {
            var a = await db.Assignments.AsNoTracking()
                .Where(x => x.OrganizationId == cityEducation && x.Task!.PlanId == plans.PublishedPlanId
                            && db.Plans.Any(p => p.Id == x.Task.PlanId && p.CurrentVersionId == x.Task.TaskList!.PlanVersionId))
                .OrderBy(x => x.Id).FirstAsync();
            var t = await db.Targets.AsNoTracking().Where(x => x.TaskId == a.TaskId).Select(x => (long?)x.Id).FirstOrDefaultAsync();
            return (a.Id, a.TaskId, t);
        });
        var firstOfMonth = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-40));
        firstOfMonth = new DateOnly(firstOfMonth.Year, firstOfMonth.Month, 1);
        return new()
        {
            ["assignmentId"] = _ => assignment,
            ["taskId"] = _ => task,
            ["targetId"] = _ => target,
            ["organizationId"] = _ => cityEducation,
            ["planId"] = _ => plans.PublishedPlanId,
            ["periodStart"] = _ => firstOfMonth.ToString("yyyy-MM-dd"),
        };
    }
}
