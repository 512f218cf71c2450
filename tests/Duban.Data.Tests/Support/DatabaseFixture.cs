using Duban.Data;

namespace Duban.Data.Tests.Support;

/// <summary>
/// A test class's databases: one migrated database per provider that the class's tests share, and as many empty ones
/// as they ask for. Everything is removed when the class is done. A provider's server is touched only when a test of
/// the class asks for it, so skipped PostgreSQL cases need no server.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, ITestServer> _servers = [];
    private readonly Dictionary<DatabaseProvider, Task<DatabaseOptions>> _migrated = [];
    private readonly Lock _gate = new();

    /// <summary>A database, migrated to the latest migration, shared by the test class.</summary>
    public Task<DatabaseOptions> MigratedAsync(DatabaseProvider provider)
    {
        lock (_gate)
        {
            if (!_migrated.TryGetValue(provider, out var task))
            {
                _migrated[provider] = task = CreateMigratedAsync(provider);
            }
            return task;
        }
    }

    /// <summary>A new database of the test's own; with <paramref name="create"/> false it does not exist yet.</summary>
    public Task<DatabaseOptions> EmptyAsync(DatabaseProvider provider, bool create = true) => Server(provider).NewDatabaseAsync(create);

    public static DubanDbContext Context(DatabaseOptions options) => DubanDatabase.CreateContext(options);

    private async Task<DatabaseOptions> CreateMigratedAsync(DatabaseProvider provider)
    {
        var options = await EmptyAsync(provider);
        await using var context = Context(options);
        await DubanDatabase.MigrateAsync(context);
        return options;
    }

    private ITestServer Server(DatabaseProvider provider)
    {
        lock (_gate)
        {
            if (!_servers.TryGetValue(provider, out var server))
            {
                _servers[provider] = server = ITestServer.For(provider);
            }
            return server;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers.Values) await server.DisposeAsync();
    }
}
