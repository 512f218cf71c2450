using Duban.Web.Security;
using Duban.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests;

/// <summary>
/// Every endpoint of the route table, pages and API alike, declares who may use it: one of <see cref="DubanPolicies"/>,
/// or [AllowAnonymous]. A later authorization-matrix test reads the same table.
/// </summary>
public sealed class EndpointRulesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    /// <summary>What the rule of an endpoint is, or null when it declares none (or a policy this application does not define).</summary>
    public static string? RuleOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return "anonymous";
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
        return policies.Count > 0 && policies.All(p => p is not null && DubanPolicies.All.Contains(p)) ? string.Join("+", policies) : null;
    }

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public void Every_endpoint_declares_an_authorization_rule()
    {
        var endpoints = Endpoints();

        var without = endpoints.Where(e => RuleOf(e) is null).Select(e => $"{e.DisplayName} ({e.RoutePattern.RawText})").ToList();

        without.ShouldBeEmpty();
    }

    [Fact]
    public void The_route_table_has_the_endpoints_the_rules_are_checked_on()
    {
        var rules = Endpoints().GroupBy(e => e.RoutePattern.RawText ?? "").ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(RuleOf).Distinct().Order()));
        // A pattern read by everyone signed in and written by administrators has one rule per method.
        var byMethod = Endpoints()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Key: m + " " + e.RoutePattern.RawText, Rule: RuleOf(e))))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Select(x => x.Rule).Distinct().Single());

        rules["/api/v1/users/"].ShouldBe(DubanPolicies.Admin);
        rules["/api/v1/users/{id:long}"].ShouldBe(DubanPolicies.Admin);
        rules["/api/v1/me/"].ShouldBe(DubanPolicies.SignedIn);
        byMethod["GET /api/v1/regions/"].ShouldBe(DubanPolicies.SignedIn);
        byMethod["POST /api/v1/regions/"].ShouldBe(DubanPolicies.Admin);
        rules["/regions"].ShouldBe(DubanPolicies.Admin);
        rules["/account/signin"].ShouldBe("anonymous");
        rules["/users"].ShouldBe(DubanPolicies.Admin);
        rules["/audit"].ShouldBe(DubanPolicies.Admin);
        rules["/me"].ShouldBe(DubanPolicies.SignedIn);
        rules["/signin"].ShouldBe("anonymous");
        rules["/import"].ShouldBe(DubanPolicies.Admin);
        rules["/api/v1/plans/import/"].ShouldBe(DubanPolicies.Admin);
        rules["/api/v1/plans/import/{token}/confirm"].ShouldBe(DubanPolicies.Admin);
        byMethod["GET /api/v1/plans/"].ShouldBe("anonymous");
        byMethod["POST /api/v1/plans/"].ShouldBe(DubanPolicies.Admin);
        byMethod["GET /api/v1/tasks/{id:long}"].ShouldBe(DubanPolicies.SignedIn);
        byMethod["PATCH /api/v1/tasks/{id:long}"].ShouldBe(DubanPolicies.Admin);
        byMethod["DELETE /api/v1/tasks/{id:long}"].ShouldBe(DubanPolicies.Admin);
        rules["/api/v1/plans/{id:long}"].ShouldBe("anonymous");
        rules["/api/v1/plans/{id:long}/versions"].ShouldBe("anonymous");
        rules["/api/v1/plans/{id:long}/diff"].ShouldBe("anonymous");
        rules["/api/v1/tasks/"].ShouldBe(DubanPolicies.SignedIn);
        rules["/plans"].ShouldBe("anonymous");
        rules["/plans/{Id:long}"].ShouldBe("anonymous");
        rules["/tasks"].ShouldBe(DubanPolicies.SignedIn);
        rules["/organizations"].ShouldBe(DubanPolicies.Oversight);
        byMethod["GET /api/v1/organizations/"].ShouldBe(DubanPolicies.SignedIn);
        byMethod["GET /api/v1/organizations/{id:long}"].ShouldBe(DubanPolicies.SignedIn);
        byMethod["POST /api/v1/organizations/"].ShouldBe(DubanPolicies.Admin);
        byMethod["PUT /api/v1/organizations/{id:long}"].ShouldBe(DubanPolicies.Admin);
        byMethod["POST /api/v1/organizations/{id:long}/aliases"].ShouldBe(DubanPolicies.Admin);
        byMethod["DELETE /api/v1/organizations/{id:long}/aliases/{aliasId:long}"].ShouldBe(DubanPolicies.Admin);
        byMethod["POST /api/v1/organizations/{id:long}/merge-into/{targetId:long}"].ShouldBe(DubanPolicies.Admin);
    }

    [Fact]
    public void An_endpoint_without_a_rule_is_found()
    {
        var bare = new RouteEndpoint(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/bare"), 0, EndpointMetadataCollection.Empty, "bare");
        var unknownPolicy = new RouteEndpoint(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/odd"), 0,
            new EndpointMetadataCollection(new AuthorizeAttribute("no-such-policy")), "odd");
        var plainAuthorize = new RouteEndpoint(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/plain"), 0,
            new EndpointMetadataCollection(new AuthorizeAttribute()), "plain");

        RuleOf(bare).ShouldBeNull();
        RuleOf(unknownPolicy).ShouldBeNull();
        RuleOf(plainAuthorize).ShouldBeNull();
    }
}
