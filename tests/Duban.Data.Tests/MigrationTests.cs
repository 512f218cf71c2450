using Duban.Data.Migrations;
using Duban.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Tests;

public sealed class MigrationTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] AllMigrations = [CreatePlanTables.Id, CreateUserTables.Id, HardenCoreModel.Id, CreateTrackingTables.Id, CreateNotificationTables.Id, CreateSupervisionTables.Id, CloseOrdersAndTimeRevisions.Id, AddTrackingStatusIndexes.Id, CoverStatusReads.Id, ThrottleSignInsPerClient.Id, AddTrackingBaseline.Id, AddRegionCodes.Id, AddTaskEditing.Id, AddNotificationForwarding.Id, CreateAssessmentTables.Id, KeepResultSummaries.Id, AddAssessmentBulletins.Id, AddMeetings.Id, AddPlanCascade.Id, AddCalendarFeeds.Id, AddFilingOrders.Id, KeepMinutesHistory.Id, NameOrderIssuersByDisplayName.Id, AddTaskSortKeys.Id, StoreTaskStatuses.Id, AddListPagingIndexes.Id, CopyTaskSortKeysToAssignments.Id];

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrating_an_empty_database_applies_every_migration_in_order(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        await using var context = DatabaseFixture.Context(options);

        await DubanDatabase.MigrateAsync(context);

        (await context.Database.GetAppliedMigrationsAsync()).ShouldBe(AllMigrations);
        (await context.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public void The_assembly_holds_exactly_the_known_migrations()
    {
        // A new migration must be added to AllMigrations above, so that the upgrade test below is reconsidered too.
        using var context = DubanDatabase.CreateContext(new DatabaseOptions { DataDirectory = Path.GetTempPath() });
        context.Database.GetMigrations().ShouldBe(AllMigrations);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrating_creates_a_database_that_does_not_exist_yet(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider, create: false);
        await using var context = DatabaseFixture.Context(options);

        await DubanDatabase.MigrateAsync(context);

        (await context.Database.GetAppliedMigrationsAsync()).ShouldBe(AllMigrations);
        if (provider == DatabaseProvider.Sqlite)
        {
            File.Exists(Path.Combine(options.DataDirectory, DatabaseOptions.SqliteFileName)).ShouldBeTrue();
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrating_again_changes_nothing(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var context = DatabaseFixture.Context(options);
        context.Regions.Add(new() { Name = "甲省", Path = "/" });
        await context.SaveChangesAsync();

        await DubanDatabase.MigrateAsync(context);

        (await context.Database.GetAppliedMigrationsAsync()).ShouldBe(AllMigrations);
        (await context.Regions.CountAsync(r => r.Name == "甲省")).ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Instances_that_start_together_migrate_once(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        var contexts = Enumerable.Range(0, 4).Select(_ => DatabaseFixture.Context(options)).ToList();
        try
        {
            await Task.WhenAll(contexts.Select(c => Task.Run(() => DubanDatabase.MigrateAsync(c))));
        }
        finally
        {
            foreach (var c in contexts) await c.DisposeAsync();
        }

        await using var context = DatabaseFixture.Context(options);
        (await context.Database.GetAppliedMigrationsAsync()).ShouldBe(AllMigrations);
    }

    [Theory, OnPostgres]
    public async Task On_PostgreSQL_migration_waits_for_the_advisory_lock(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        await using var holder = DatabaseFixture.Context(options);
        await holder.Database.OpenConnectionAsync();
        await holder.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({DubanDatabase.MigrationLockKey})");

        await using var migrating = DatabaseFixture.Context(options);
        var migration = DubanDatabase.MigrateAsync(migrating);
        await Task.Delay(TimeSpan.FromSeconds(1));
        migration.IsCompleted.ShouldBeFalse("another instance holds the migration lock");

        await holder.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({DubanDatabase.MigrationLockKey})");
        await migration.WaitAsync(TimeSpan.FromSeconds(60));
        (await migrating.Database.GetAppliedMigrationsAsync()).ShouldBe(AllMigrations);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Reverting_to_the_first_migration_drops_only_the_later_tables(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        await using var context = DatabaseFixture.Context(options);
        await DubanDatabase.MigrateAsync(context);
        context.Regions.Add(new() { Name = "乙省", Path = "/" });
        await context.SaveChangesAsync();

        await context.GetService<IMigrator>().MigrateAsync(CreatePlanTables.Id);

        var tables = await Catalog.TablesAsync(context);
        tables.ShouldContain("regions");
        tables.ShouldNotContain("users");
        tables.ShouldNotContain("audit_entries");
        (await context.Regions.CountAsync()).ShouldBe(1);

        await DubanDatabase.MigrateAsync(context);
        (await Catalog.TablesAsync(context)).ShouldContain("users");
    }
}
