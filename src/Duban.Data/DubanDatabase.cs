using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Duban.Data;

/// <summary>The one place that turns <see cref="DatabaseOptions"/> into a configured <see cref="DubanDbContext"/>.</summary>
public static class DubanDatabase
{
    /// <summary>
    /// Any number chosen once for Duban: every instance that migrates a shared PostgreSQL database takes the
    /// session-level advisory lock with this key first, so only one of them applies migrations at a time.
    /// </summary>
    public const long MigrationLockKey = 0x4475_6261_6E4D_6967; // "DubanMig"

    /// <summary>How long start-up waits for another instance's migration, and how long one migration may run.</summary>
    public static readonly TimeSpan MigrationTimeout = TimeSpan.FromMinutes(10);

    public static DbContextOptionsBuilder<DubanDbContext> Configure(DbContextOptionsBuilder<DubanDbContext> builder, DatabaseOptions options)
    {
        ConnectionTarget.Resolve(options).Apply(builder);
        return builder;
    }

    public static DbContextOptions<DubanDbContext> CreateOptions(DatabaseOptions options) =>
        Configure(new DbContextOptionsBuilder<DubanDbContext>(), options).Options;

    public static DubanDbContext CreateContext(DatabaseOptions options) => new(CreateOptions(options));

    /// <summary>
    /// A second context on the same database as <paramref name="context"/>, for a read that runs beside it (a context
    /// is not thread-safe); the caller disposes it. Null when the context was given an open connection rather than a
    /// connection string (an in-memory SQLite database in tests): that connection cannot be shared across threads.
    /// </summary>
    public static DubanDbContext? CreateSibling(DubanDbContext context)
    {
        var options = (DbContextOptions<DubanDbContext>)context.GetService<IDbContextOptions>();
        var relational = options.Extensions.OfType<RelationalOptionsExtension>().SingleOrDefault();
        return relational is null || relational.Connection is not null ? null : new DubanDbContext(options);
    }

    /// <summary>
    /// Applies the pending migrations, creating the database first when it does not exist. Safe when several
    /// processes start at once on one database: on PostgreSQL they queue on an advisory lock; on SQLite, EF Core's
    /// own migration lock (the __EFMigrationsLock table) does the same.
    /// </summary>
    public static async Task MigrateAsync(DubanDbContext context, CancellationToken cancellationToken = default)
    {
        var database = context.Database;
        var previousTimeout = database.GetCommandTimeout();
        database.SetCommandTimeout(MigrationTimeout);
        try
        {
            if (database.IsNpgsql()) await MigratePostgresAsync(context, cancellationToken);
            else await MigrateSqliteAsync(context, cancellationToken);
        }
        finally
        {
            database.SetCommandTimeout(previousTimeout);
        }
    }

    private static async Task MigrateSqliteAsync(DubanDbContext context, CancellationToken cancellationToken)
    {
        await context.Database.MigrateAsync(cancellationToken);
        // WAL lets readers go on while an import writes. EF Core creates new files in WAL mode already; saying it here
        // also covers a file that was created some other way. The mode is stored in the file, so once is enough.
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }

    private static async Task MigratePostgresAsync(DubanDbContext context, CancellationToken cancellationToken)
    {
        await EnsurePostgresDatabaseAsync(context, cancellationToken);

        // The lock is held by a session, so the same connection must stay open from lock to unlock.
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                await context.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                // Not cancellable: a lock left behind would hold up every other instance until this session ends.
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Creates the database when it is missing, before any lock can be taken in it. Two instances may both see it
    /// missing; the one that loses the race gets duplicate_database and goes on.
    /// </summary>
    private static async Task EnsurePostgresDatabaseAsync(DubanDbContext context, CancellationToken cancellationToken)
    {
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)) return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }

    private static bool IsNpgsql(this DatabaseFacade database) =>
        database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
}

/// <summary>A provider and a connection string ready to use: the SQLite file's folder exists.</summary>
internal sealed record ConnectionTarget(DatabaseProvider Provider, string ConnectionString)
{
    public static ConnectionTarget Resolve(DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => new(DatabaseProvider.Sqlite, PrepareSqlite(options)),
        DatabaseProvider.PostgreSQL => new(DatabaseProvider.PostgreSQL, PreparePostgres(options.ConnectionString ?? throw new InvalidOperationException(
            $"{DatabaseOptions.SectionName}:Provider is PostgreSQL but {DatabaseOptions.SectionName}:ConnectionString is not set."))),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider."),
    };

    public void Apply(DbContextOptionsBuilder builder)
    {
        if (Provider == DatabaseProvider.Sqlite) builder.UseSqlite(ConnectionString);
        else builder.UseNpgsql(ConnectionString);
    }

    /// <summary>
    /// PostgreSQL's JIT compiler is turned off for Duban's sessions unless the connection string's <c>Options</c> say
    /// otherwise: it compiles any query the planner costs above <c>jit_above_cost</c>, and the province-wide reads of
    /// tracking, which run in tens of milliseconds, spent 20–30 ms each compiling (docs/storage.md).
    /// </summary>
    public const string JitOff = "-c jit=off";

    /// <summary>
    /// Parallel query is turned off for Duban's sessions unless the connection string's <c>Options</c> set
    /// <c>max_parallel_workers_per_gather</c>: its reads are short, and starting workers for a read of a few thousand
    /// rows (an organisation's assignments for 我的任务) cost more than it saved and made the slow tail: /my's p95 went
    /// 76 → 51 ms and 地区对比's 319 → 263 ms at province scale (docs/benchmarks.md, "Warm server, after the session of 7 December, afternoon").
    /// </summary>
    public const string ParallelOff = "-c max_parallel_workers_per_gather=0";

    private static string PreparePostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        foreach (var (setting, option) in new[] { ("jit", JitOff), ("max_parallel_workers_per_gather", ParallelOff) })
            if (builder.Options is not { } given || !given.Contains(setting, StringComparison.OrdinalIgnoreCase))
                builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? option : builder.Options + " " + option;
        return builder.ToString();
    }

    private static string PrepareSqlite(DatabaseOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString
            ?? "Data Source=" + Path.Combine(options.DataDirectory, DatabaseOptions.SqliteFileName));
        // Stated rather than left to the provider's default: the model's cascades and restrictions rely on it.
        builder.ForeignKeys = true;
        var file = builder.DataSource;
        if (builder.Mode != SqliteOpenMode.Memory && file != ":memory:" && file.Length > 0)
        {
            var full = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            builder.DataSource = full;
        }
        return builder.ToString();
    }
}
