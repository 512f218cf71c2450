using System.Net;
using System.Text.Json;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests;

public sealed class OpenApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_openapi_document_lists_the_api_endpoints_and_the_bearer_scheme()
    {
        var response = await app.Factory.CreateClient().GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        document.GetProperty("info").GetProperty("title").GetString()!.ShouldContain("督办");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/me");
        paths.ShouldContain("/api/v1/users");
        paths.ShouldContain("/api/v1/users/{id}");
        paths.ShouldContain("/api/v1/users/{id}/password");
        paths.ShouldContain("/api/v1/regions");
        paths.ShouldContain("/api/v1/regions/{id}");
        paths.ShouldContain("/api/v1/organizations");
        paths.ShouldContain("/api/v1/organizations/{id}");
        paths.ShouldAllBe(p => p.StartsWith("/api/v1/"));
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");

        var put = document.GetProperty("paths").GetProperty("/api/v1/users/{id}").GetProperty("put");
        put.GetProperty("parameters").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "If-Match");
        put.GetProperty("responses").TryGetProperty("412", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_browsable_api_page_is_served()
    {
        var response = await app.Factory.CreateClient().GetAsync("/api/docs/index.html");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("swagger-ui");
    }
}
