using Duban.Core.Organizations;
using System.Net;
using System.Text;
using Duban.Core.Security;
using Duban.Web.Demo;
using Duban.Web.Security;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Duban.Web.Tests.Authorization;

/// <summary>
/// Every endpoint of the route table (API and pages, every HTTP method it answers) × every caller (anonymous, reporter
/// with scope 本单位, inspector with scope 清河市 and below, admin with scope 全部, admin with scope 清河市 and below, admin
/// with scope 东湖县 and below, to whom 清河市's own records are outside) × a record in the caller's scope and
/// one outside it → the outcome the endpoint's declared rule promises. Generated from the route table: an endpoint
/// without a rule, or with a route parameter that has no sample value below, fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests(PlansFixture plans, ITestOutputHelper output) : IClassFixture<PlansFixture>
{
    /// <summary>What a request may come to, as far as authorization goes.</summary>
    public enum Outcome
    {
        /// <summary>Served: 2xx, a redirect elsewhere than sign-in or denied, or the endpoint's own 400/409/412/415/428 — never 401/403/404/5xx.</summary>
        Allowed,

        /// <summary>Not signed in: 401 on the API, a redirect to /signin on pages.</summary>
        SignIn,

        /// <summary>The wrong role: 403 on the API, a redirect to /denied on pages.</summary>
        Forbidden,

        /// <summary>Outside the caller's data scope: 404, as if the record did not exist.</summary>
        NotFound,

        /// <summary>A server error; never expected.</summary>
        Error,
    }

    /// <summary>
    /// The expectation table: rule × caller × scope. "in" is a record in the caller's scope, "out" one outside it
    /// (only where the caller has such a record: scope 全部 has none).
    /// </summary>
    private static readonly Dictionary<string, Dictionary<Caller, (Outcome In, Outcome Out)>> Expectations = new()
    {
        //                                       in scope           out of scope
        ["anonymous"] = new()
        {
            [Caller.Anonymous] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.Reporter] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.Inspector] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.Admin] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.RegionAdmin] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.CountyAdmin] = (Outcome.Allowed, Outcome.NotFound),
        },
        [DubanPolicies.SignedIn] = new()
        {
            [Caller.Anonymous] = (Outcome.SignIn, Outcome.SignIn),
            [Caller.Reporter] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.Inspector] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.Admin] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.RegionAdmin] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.CountyAdmin] = (Outcome.Allowed, Outcome.NotFound),
        },
        [DubanPolicies.Oversight] = new()
        {
            [Caller.Anonymous] = (Outcome.SignIn, Outcome.SignIn),
            [Caller.Reporter] = (Outcome.Forbidden, Outcome.Forbidden),
            [Caller.Inspector] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.Admin] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.RegionAdmin] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.CountyAdmin] = (Outcome.Allowed, Outcome.NotFound),
        },
        // A statement an organisation makes and the office may make for it (摸底): reporters and administrators.
        [DubanPolicies.ReporterOrAdmin] = new()
        {
            [Caller.Anonymous] = (Outcome.SignIn, Outcome.SignIn),
            [Caller.Reporter] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.Inspector] = (Outcome.Forbidden, Outcome.Forbidden),
            [Caller.Admin] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.RegionAdmin] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.CountyAdmin] = (Outcome.Allowed, Outcome.NotFound),
        },
        [DubanPolicies.Admin] = new()
        {
            [Caller.Anonymous] = (Outcome.SignIn, Outcome.SignIn),
            [Caller.Reporter] = (Outcome.Forbidden, Outcome.Forbidden),
            [Caller.Inspector] = (Outcome.Forbidden, Outcome.Forbidden),
            [Caller.Admin] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.RegionAdmin] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.CountyAdmin] = (Outcome.Allowed, Outcome.NotFound),
        },
        // Settings that act on every region: an administrator of one city or county is refused like any other role.
        [DubanPolicies.FullAdmin] = new()
        {
            [Caller.Anonymous] = (Outcome.SignIn, Outcome.SignIn),
            [Caller.Reporter] = (Outcome.Forbidden, Outcome.Forbidden),
            [Caller.Inspector] = (Outcome.Forbidden, Outcome.Forbidden),
            [Caller.Admin] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.RegionAdmin] = (Outcome.Forbidden, Outcome.Forbidden),
            [Caller.CountyAdmin] = (Outcome.Forbidden, Outcome.Forbidden),
        },
        [DubanPolicies.Reporter] = new()
        {
            [Caller.Anonymous] = (Outcome.SignIn, Outcome.SignIn),
            [Caller.Reporter] = (Outcome.Allowed, Outcome.NotFound),
            [Caller.Inspector] = (Outcome.Forbidden, Outcome.Forbidden),
            [Caller.Admin] = (Outcome.Forbidden, Outcome.Forbidden),
            [Caller.RegionAdmin] = (Outcome.Forbidden, Outcome.Forbidden),
            [Caller.CountyAdmin] = (Outcome.Forbidden, Outcome.Forbidden),
        },
    };

    /// <summary>Pages open to everyone whose answer is itself a refusal: the denied page answers 403, the not-found page 404, whoever reads them.</summary>
    private static readonly Dictionary<string, Outcome> RefusalPages = new() { ["/denied"] = Outcome.Forbidden, ["/not-found"] = Outcome.NotFound };

    /// <summary>The sample value of every route parameter, per caller: in scope, and out of scope where there is such a record.</summary>
    private async Task<Dictionary<string, ParameterSample>> SamplesAsync()
    {
        var factory = plans.Factory;
        var city = await factory.RegionIdAsync(DemoSeeder.City);
        var province = await factory.RegionIdAsync(DemoSeeder.Province);
        var cityEducation = await factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var provinceEducation = await factory.OrganizationIdAsync("江南省教育厅");
        // A user of its own, so that resetting its password ends nobody's session the matrix uses.
        var target = await factory.CreateUserAsync("matrix-target", "matrix-target-password", Role.Reporter, DataScope.Own, cityEducation);
        // A user of the province: outside the city administrator's scope, inside the full administrator's.
        var provinceUser = await factory.CreateUserAsync("matrix-province", "matrix-province-password", Role.Reporter, DataScope.Own, provinceEducation);
        var county = await CountySamples.AddAsync(factory, "矩阵县");
        // The county administrator's records are the county's; what lies outside its scope is 清河市's own.
        string Inside(Caller caller, long inTheCity, long inTheCounty) => (caller == Caller.CountyAdmin ? inTheCounty : inTheCity).ToString();
        string? Outside(Caller caller, long beyondTheCity, long beyondTheCounty) => caller switch
        {
            Caller.Admin => null,
            Caller.CountyAdmin => beyondTheCounty.ToString(),
            _ => beyondTheCity.ToString(),
        };
        // An alias of its own for each administrator, so that one's DELETE removes nothing another cell relies on.
        async Task<long> AliasAsync(string name) => await factory.WithDbAsync(async db =>
        {
            var added = new OrganizationAlias { OrganizationId = cityEducation, Name = name };
            db.OrganizationAliases.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        var alias = await AliasAsync("矩阵测试别名");
        var cityAdminAlias = await AliasAsync("矩阵测试别名（市管理员）");
        // Outside the county, and touched by no other caller: an earlier caller's DELETE would make its 404 tell nothing.
        var beyondCountyAlias = await AliasAsync("矩阵测试别名（县外）");

        var notifications = await NotificationSamples.AddAsync(factory);
        var tracking = await Tracking.TrackingRecords.CreateAsync(factory, plans.PublishedPlanId, plans.OtherRegionPlanId, "矩阵");
        var supervision = await SupervisionSamples.AddAsync(factory, plans.PublishedPlanId, plans.OtherRegionPlanId, "矩阵");
        var assessments = await AssessmentSamples.AddAsync(factory, "矩阵");
        var calendar = await CalendarSamples.AddAsync(factory, target.Id);
        // Bodies of the published city plan and of the county's plan (in), and of drafts outside each scope.
        var bodies = await GovernanceSamples.AddAsync(factory, "矩阵", plans.PublishedPlanId, county.PlanId, plans.OtherRegionPlanId, plans.DraftCityPlanId);
        var cascade = await CascadeSamples.AddAsync(factory, plans.PublishedPlanId, county.PlanId, plans.OtherRegionPlanId);

        return new()
        {
            // Published plans are everyone's; a draft outside 清河市 is outside every scope but 全部. The county's
            // administrator reads the draft filed in its county, and not the draft of 清河市.
            ["plans/{id}"] = new(c => Inside(c, plans.PublishedPlanId, county.PlanId), c => Outside(c, plans.OtherRegionPlanId, plans.DraftCityPlanId)),
            // Administrators with scope 全部 manage every user, a city's administrator the users of the city, a county's
            // those of the county; the other roles are refused whatever the id.
            ["users/{id}"] = new(c => Inside(c, target.Id, county.User), c => c switch
            {
                Caller.RegionAdmin => provinceUser.Id.ToString(),
                Caller.CountyAdmin => target.Id.ToString(),
                _ => null,
            }),
            ["regions/{id}"] = new(c => Inside(c, city, county.Region), c => Outside(c, province, city)),
            ["organizations/{id}"] = new(c => Inside(c, cityEducation, county.Government), c => Outside(c, provinceEducation, cityEducation)),
            ["aliases/{aliasid}"] = new(c => c switch
            {
                Caller.RegionAdmin => cityAdminAlias.ToString(),
                Caller.CountyAdmin => county.Alias.ToString(),
                _ => alias.ToString(),
            }, c => c == Caller.CountyAdmin ? beyondCountyAlias.ToString() : null),
            // Merging an organisation in the caller's scope into itself: refused with 400 after authorization, and
            // nothing is merged that other cells of the matrix rely on.
            ["merge-into/{targetid}"] = new(c => Inside(c, cityEducation, county.Government), _ => null),
            // Not a valid token: the endpoint answers 400 or 415, after authorization.
            ["import/{token}"] = ParameterSample.Unscoped("not-a-token"),
            ["status/{code}"] = ParameterSample.Unscoped("400"),
            // Each caller's own notification; another user's is outside every scope, 全部 included.
            ["notifications/{id}"] = new(c => notifications.OwnOf(c).ToString(), c => notifications.Others[c].ToString()),
            ["webhooks/{id}"] = ParameterSample.Unscoped(notifications.Webhook.ToString()),
            // On a task of 清河市教育局 in 清河市, and on a task of the plan outside 清河市; for the county's administrator,
            // on the county plan's task of 东湖县人民政府, and 清河市教育局's as the one outside.
            ["reports/{id}"] = new(c => Inside(c, tracking.ReportInside, county.Report), c => Outside(c, tracking.ReportOutside, tracking.ReportInside)),
            ["evidence/{id}"] = new(c => Inside(c, tracking.EvidenceInside, county.Evidence), c => Outside(c, tracking.EvidenceOutside, tracking.EvidenceInside)),
            ["observations/{id}"] = new(c => Inside(c, tracking.ObservationInside, county.Observation), c => Outside(c, tracking.ObservationOutside, tracking.ObservationInside)),
            ["targets/{id}"] = new(c => Inside(c, tracking.TargetInside, county.Target), c => Outside(c, tracking.TargetOutside, tracking.TargetInside)),
            // A task and a 督办单 of 清河市教育局 in 清河市 (the demo reporter's organisation), and of the plan outside 清河市;
            // for the county's administrator, of 东湖县人民政府 in the county, and 清河市教育局's as the ones outside.
            ["tasks/{id}"] = new(c => Inside(c, supervision.TaskInside, county.Task), c => Outside(c, supervision.TaskOutside, supervision.TaskInside)),
            // Task editing answers 404 / 403 by the task before it reads the assignment (then 428 without If-Match).
            ["assignments/{assignmentid}"] = ParameterSample.Unscoped("1"),
            ["supervision-orders/{id}"] = new(c => Inside(c, supervision.OrderInside, county.Order), c => Outside(c, supervision.OrderOutside, supervision.OrderInside)),
            ["supervision/{id}"] = new(c => Inside(c, supervision.OrderInside, county.Order), c => Outside(c, supervision.OrderOutside, supervision.OrderInside)),
            // Schemes and assessments of 清河市 (over its bureaus, 清河市教育局 among them) and of 东湖县 (over its government);
            // outside: the province's, and for the county's administrator the city's, which assesses nothing in the county.
            ["assessment-schemes/{id}"] = new(c => Inside(c, assessments.CityScheme, assessments.CountyScheme), c => Outside(c, assessments.ProvinceScheme, assessments.CityScheme)),
            ["assessments/{id}"] = new(c => Inside(c, assessments.CityAssessment, assessments.CountyAssessment), c => Outside(c, assessments.ProvinceAssessment, assessments.CityAssessment)),
            ["cards/{organizationid}"] = new(c => Inside(c, cityEducation, county.Government), _ => null),
            ["evidence/{evidenceid}"] = new(c => Inside(c, assessments.CityEvidence, assessments.CountyEvidence), _ => null),
            // The feed's secret is its credential: a working one is served to anyone, a revoked one is 404 to everyone.
            ["calendar/{token}"] = new(_ => calendar.Active, _ => calendar.Revoked),
            // The 通报 names its assessment assessmentId: it is read after 公示 (before, only by the responsible
            // administrators), so its samples are the same schemes' published assessments of last year.
            ["assessments/{assessmentid}"] = new(c => Inside(c, assessments.CityPublished, assessments.CountyPublished), c => Outside(c, assessments.ProvincePublished, assessments.CityPublished)),
            // Governing bodies and meetings are read with their plan, and acted on by the plan's region.
            ["bodies/{id}"] = new(c => Inside(c, bodies[0].Body, bodies[1].Body), c => Outside(c, bodies[2].Body, bodies[3].Body)),
            ["meetings/{id}"] = new(c => Inside(c, bodies[0].Meeting, bodies[1].Meeting), c => Outside(c, bodies[2].Meeting, bodies[3].Meeting)),
            // Requirements and filings on the published 清河市 plan and the county's draft; outside: on the draft outside 清河市,
            // which neither the city's nor the county's administrator sees (the city's plan is published: the county sees it).
            ["filing-requirements/{id}"] = new(c => Inside(c, cascade.CityRequirement, cascade.CountyRequirement), c => Outside(c, cascade.OtherRequirement, cascade.OtherRequirement)),
            ["filings/{id}"] = new(c => Inside(c, cascade.CityFiling, cascade.CountyFiling), c => Outside(c, cascade.OtherFiling, cascade.OtherFiling)),
        };
    }

    /// <summary>An administrator with scope RegionAndBelow of <paramref name="region"/>, signed in.</summary>
    private async Task<HttpClient> RegionAdminAsync(string name, string region)
    {
        var password = name + "-password";
        await plans.Factory.CreateUserAsync(name, password, Role.Admin, DataScope.RegionAndBelow, regionId: await plans.Factory.RegionIdAsync(region));
        return await plans.Factory.SignedInAsync(name, password);
    }

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        plans.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static string? RuleOf(Endpoint endpoint) => EndpointRulesTests.RuleOf(endpoint) switch
    {
        null => null,
        "anonymous" => "anonymous",
        var policies when policies.Split('+').Contains(DubanPolicies.FullAdmin) => DubanPolicies.FullAdmin,
        var policies when policies.Split('+').Contains(DubanPolicies.Admin) => DubanPolicies.Admin,
        var policies when policies.Split('+').Contains(DubanPolicies.Oversight) => DubanPolicies.Oversight,
        var policies when policies.Split('+').Contains(DubanPolicies.ReporterOrAdmin) => DubanPolicies.ReporterOrAdmin,
        var policies when policies.Split('+').Contains(DubanPolicies.Reporter) => DubanPolicies.Reporter,
        _ => DubanPolicies.SignedIn,
    };

    private static IEnumerable<string> MethodsOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : [HttpMethods.Get];

    private static bool IsApi(string path) => path.StartsWith("/api/", StringComparison.Ordinal) || path == "/api";

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_its_rule_and_the_callers_scope_say()
    {
        var samples = await SamplesAsync();
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = plans.Factory.CreateClient(),
            [Caller.Reporter] = await plans.Factory.SignedInAsync(DemoAccounts.Reporter),
            [Caller.Inspector] = await plans.Factory.SignedInAsync(DemoAccounts.Inspector),
            [Caller.Admin] = await plans.Factory.SignedInAsync(DemoAccounts.Admin),
            [Caller.RegionAdmin] = await RegionAdminAsync(NotificationSamples.RegionAdminUserName, DemoSeeder.City),
            [Caller.CountyAdmin] = await RegionAdminAsync(NotificationSamples.CountyAdminUserName, CountySamples.County),
        };
        var failures = new List<string>();
        var matrix = new List<string>();

        // Reads first, writes after, signing out last of all (it is refused without an antiforgery token, but still).
        var requests = Endpoints()
            .SelectMany(e => MethodsOf(e).Select(method => (Endpoint: e, Method: method)))
            .OrderBy(r => r.Endpoint.RoutePattern.RawText == "/account/signout")
            .ThenBy(r => HttpMethods.IsGet(r.Method) || HttpMethods.IsHead(r.Method) ? 0 : 1)
            .ThenBy(r => r.Endpoint.RoutePattern.RawText, StringComparer.Ordinal)
            .ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
        requests.Count.ShouldBeGreaterThan(20, "the route table looks empty");

        foreach (var (endpoint, method) in requests)
        {
            var pattern = endpoint.RoutePattern;
            var name = $"{method} {pattern.RawText}";
            var rule = RuleOf(endpoint);
            if (rule is null)
            {
                failures.Add($"{name}: declares no authorization rule; add .RequireAuthorization(DubanPolicies.…) or .AllowAnonymous() (see docs/web.md)");
                continue;
            }
            var missing = RouteSamples.Missing(pattern, samples);
            if (missing.Count > 0)
            {
                failures.Add($"{name}: no sample value for route parameter {string.Join(", ", missing)}; add one to SamplesAsync in {nameof(AuthorizationMatrixTests)}.cs (a record in each caller's scope and, where it can be, one outside it)");
                continue;
            }

            foreach (var caller in Enum.GetValues<Caller>())
            foreach (var scope in Enum.GetValues<Scope>())
            {
                var path = RouteSamples.Fill(pattern, samples, caller, scope);
                if (path is null) continue;
                var expected = HttpMethods.IsGet(method) && RefusalPages.TryGetValue(pattern.RawText!, out var refusal) ? refusal
                    : scope == Scope.In ? Expectations[rule][caller].In : Expectations[rule][caller].Out;
                var (actual, seen) = await SendAsync(clients[caller], method, path);
                var line = $"{caller.ToString().ToLowerInvariant()} × {method} {pattern.RawText} [{(scope == Scope.In ? "in scope" : "out of scope")}, {rule}] → {Describe(expected, method, path)}";
                matrix.Add(line);
                if (actual != expected && !RefusedBeforeTheRecordIsRead(expected, method, path, seen)) failures.Add($"{line}, but {method} {path} answered {seen}");
            }
        }

        foreach (var line in matrix) output.WriteLine(line);
        failures.ShouldBeEmpty($"{failures.Count} of {matrix.Count} cells of the authorization matrix:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// A page's form post without an antiforgery token is refused with 400 before the page reads its record, so it
    /// tells nothing about a record outside the scope either: as good as the 404 for that cell.
    /// </summary>
    private static bool RefusedBeforeTheRecordIsRead(Outcome expected, string method, string path, string seen) =>
        expected == Outcome.NotFound && !IsApi(path) && HttpMethods.IsPost(method) && seen == "400";

    /// <summary>The expectation as a reviewer reads it: the status code on the API, where a page redirects.</summary>
    private static string Describe(Outcome outcome, string method, string path) => (outcome, IsApi(path)) switch
    {
        (Outcome.SignIn, true) => "401",
        (Outcome.SignIn, false) => "302 → /signin",
        (Outcome.Forbidden, true) => "403",
        (Outcome.Forbidden, false) => "302 → /denied",
        (Outcome.NotFound, true) => "404",
        (Outcome.NotFound, false) when HttpMethods.IsPost(method) => "404, or 400 for a form post without antiforgery token",
        (Outcome.NotFound, false) => "404",
        (Outcome.Allowed, _) => "served (not 401/403/404/5xx)",
        _ => "5xx",
    };

    private static async Task<(Outcome Outcome, string Seen)> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method))
            request.Content = IsApi(path)
                ? new StringContent("{}", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent([]);
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString.Split('?')[0]) : null;
        var seen = location is null ? status.ToString() : $"{status} → {location}";
        var outcome = status switch
        {
            >= 500 => Outcome.Error,
            401 => Outcome.SignIn,
            403 => Outcome.Forbidden,
            404 => Outcome.NotFound,
            >= 300 and < 400 when location == "/signin" => Outcome.SignIn,
            >= 300 and < 400 when location == "/denied" => Outcome.Forbidden,
            _ => Outcome.Allowed,
        };
        return (outcome, seen);
    }

    [Fact]
    public void A_route_parameter_without_a_sample_value_is_found()
    {
        var samples = new Dictionary<string, ParameterSample> { ["plans/{id}"] = ParameterSample.Unscoped("1") };

        RouteSamples.Missing(RoutePatternFactory.Parse("/api/v1/plans/{id:long}/versions"), samples).ShouldBeEmpty();
        RouteSamples.Missing(RoutePatternFactory.Parse("/api/v1/widgets/{id:long}"), samples).ShouldBe(["widgets/{id}"]);
        RouteSamples.Missing(RoutePatternFactory.Parse("/plans/{Id:long}/parts/{part}"), samples).ShouldBe(["parts/{part}"]);
    }

    [Fact]
    public void A_route_is_filled_in_and_out_of_scope()
    {
        var samples = new Dictionary<string, ParameterSample>
        {
            ["plans/{id}"] = new(_ => "1", c => c == Caller.Admin ? null : "2"),
            ["import/{token}"] = ParameterSample.Unscoped("t"),
        };

        RouteSamples.Fill(RoutePatternFactory.Parse("/api/v1/plans/{id:long}/diff"), samples, Caller.Reporter, Scope.In).ShouldBe("/api/v1/plans/1/diff");
        RouteSamples.Fill(RoutePatternFactory.Parse("/api/v1/plans/{id:long}/diff"), samples, Caller.Reporter, Scope.Out).ShouldBe("/api/v1/plans/2/diff");
        RouteSamples.Fill(RoutePatternFactory.Parse("/api/v1/plans/{id:long}/diff"), samples, Caller.Admin, Scope.Out).ShouldBeNull();
        RouteSamples.Fill(RoutePatternFactory.Parse("/api/v1/plans/import/{token}/confirm"), samples, Caller.Admin, Scope.Out).ShouldBeNull();
        RouteSamples.Fill(RoutePatternFactory.Parse("/plans"), samples, Caller.Anonymous, Scope.In).ShouldBe("/plans");
    }
}
