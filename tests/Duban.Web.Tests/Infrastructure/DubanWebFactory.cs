using Duban.Core.Security;
using Duban.Core.Users;
using Duban.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Infrastructure;

/// <summary>The real application on a SQLite database in a folder of its own, with settings a test chooses.</summary>
public sealed class DubanWebFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;

    public DubanWebFactory(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        DataDirectory = dataDirectory;
        this.settings = settings ?? new Dictionary<string, string?>();
        // The tests speak HTTPS, as production does, so that Secure cookies are sent back.
        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Neither Development (which turns demo mode and plain HTTP on) nor Production: each test says what it needs.
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        // An address of its own (any free port): the start-up's check of a busy address must never meet the demo's 5080,
        // which a developer's own server may hold. Tests that listen for real choose their port with UseKestrel.
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Demo:Enabled", "true");
        // Many sign-ins from one test address; the rate limit has a test class of its own.
        builder.UseSetting("SignIn:AttemptsPerMinute", "10000");
        // The escalation job would otherwise chase the demo plans' overdue tasks in every test host; its own tests switch it on.
        builder.UseSetting("Escalation:Enabled", "false");
        // Sample reports would move the counts many tests assert; DemoActivityTests switch them on.
        builder.UseSetting("Demo:SampleActivity", "false");
        // Statuses computed in the background at start would race with what tests write; KeptStatusWarmupTests switch it on.
        builder.UseSetting("KeptStatuses:WarmUp", "false");
        // The tests live in the demo's made-up world (江南省, 清河市 …); the national regions would add real places of the
        // same names (东川区 is in Kunming too) and thousands of rows to every count. Tests about them opt in.
        builder.UseSetting("Divisions:Root", "none");
        // A Skip/Take without an order (rows up to the database's plan) fails the test rather than logging EF Core's warning.
        builder.UseSetting(Duban.Web.Hosting.DatabaseRegistration.UnorderedRowLimitIsErrorSetting, "true");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public async Task<T> WithDbAsync<T>(Func<DubanDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DubanDbContext>());
    }

    public Task WithDbAsync(Func<DubanDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    /// <summary>A user made directly in the database, so that a test does not depend on the pages it is not about.</summary>
    public Task<User> CreateUserAsync(string userName, string password, Role role = Role.Inspector, DataScope scope = DataScope.All,
        long? organizationId = null, long? regionId = null) => WithDbAsync(async db =>
    {
        var user = new User
        {
            UserName = userName,
            DisplayName = "测试用户" + userName,
            PasswordHash = PasswordHasher.Hash(password),
            Role = role,
            Scope = scope,
            OrganizationId = organizationId,
            RegionId = regionId,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    });

    public Task<long> OrganizationIdAsync(string name) => WithDbAsync(db => db.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public Task<long> RegionIdAsync(string name) => WithDbAsync(db => db.Regions.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());
}

/// <summary>The demo without the sample plans, for tests that count plans and tasks of their own.</summary>
public sealed class WebAppWithoutSamplePlansFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:SamplePlans"] = "false" };
}

/// <summary>One application and one database for all the tests of a class; the folder is removed afterwards.</summary>
public class WebAppFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));

    public WebAppFixture() => Factory = new DubanWebFactory(directory, Settings);

    public DubanWebFactory Factory { get; }

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public Task InitializeAsync()
    {
        // Starting the host runs the start-up: schema, demo data.
        _ = Factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing connection; the temp folder is cleaned by the system in the end.
        }
    }
}
