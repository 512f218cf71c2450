using System.Net;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests;

/// <summary>The web tier keeps no keys of its own: two instances on one database read each other's cookies.</summary>
public sealed class DataProtectionTests : IAsyncLifetime
{
    private readonly string shared = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
    private readonly string other = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
    private readonly List<DubanWebFactory> factories = [];

    [Fact]
    public async Task Two_instances_on_one_database_accept_each_others_cookies_and_forms()
    {
        var first = Start(shared);
        var second = Start(shared);
        var elsewhere = Start(other);
        // One browser, whose requests the load balancer sends to any instance.
        var jar = new CookieContainer();
        HttpClient Via(DubanWebFactory factory) => factory.CreateDefaultClient(factory.ClientOptions.BaseAddress, new CookieContainerHandler(jar));

        (await Browser.SignInAsync(Via(first), DemoAccounts.Admin, DemoAccounts.Password)).Headers.Location!.OriginalString.ShouldBe("/");

        (await Via(second).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The control: an instance with keys of its own cannot read the cookie, so the line above proves the sharing.
        (await Via(elsewhere).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A form rendered by one instance is accepted by the other: antiforgery tokens use the same keys.
        var created = await Browser.SubmitAsync(Via(first), "/me", new Dictionary<string, string> { ["TokenName"] = "跨实例" }, action: null, formName: "new-token",
            poster: Via(second));
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.Name == "跨实例"))).ShouldBe(1);

        (await first.WithDbAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThanOrEqualTo(1);
        Directory.EnumerateFiles(shared, "*.xml", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    private DubanWebFactory Start(string directory)
    {
        var factory = new DubanWebFactory(directory);
        _ = factory.Services;
        factories.Add(factory);
        return factory;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var factory in factories) await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var directory in new[] { shared, other })
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temp clean-up.
            }
        }
    }
}
