using Duban.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests;

/// <summary>
/// The guard against a model change without a migration: the migrated database's own catalog must describe exactly
/// the schema the model expects, table by table, column by column (type, nullability, identity), key, index and
/// foreign key, on each provider.
/// </summary>
public sealed class SchemaTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_migrated_schema_is_the_schema_the_model_expects(DatabaseProvider provider)
    {
        await using var context = DatabaseFixture.Context(await databases.MigratedAsync(provider));

        var difference = SchemaLines.Difference(ModelSchema.Describe(context), await Catalog.DescribeAsync(context));

        difference.ShouldBeEmpty("the model and the migrations disagree; write a migration (docs/storage.md)");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_comparison_notices_a_missing_index_and_an_extra_column(DatabaseProvider provider)
    {
        await using var context = DatabaseFixture.Context(await databases.EmptyAsync(provider));
        await DubanDatabase.MigrateAsync(context);
        await context.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_tasks_Due\"");
        await context.Database.ExecuteSqlRawAsync("ALTER TABLE tasks ADD COLUMN \"Extra\" INTEGER NULL");

        var difference = SchemaLines.Difference(ModelSchema.Describe(context), await Catalog.DescribeAsync(context));

        difference.ShouldContain("model has, database lacks: index tasks.IX_tasks_Due (Due)");
        difference.ShouldContain("database has, model lacks: column tasks.Extra integer null");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_model_describes_every_table_it_maps(DatabaseProvider provider)
    {
        // Guards the guard: a description that came out empty would agree with an empty database.
        await using var context = DatabaseFixture.Context(await databases.MigratedAsync(provider));

        var tables = ModelSchema.Describe(context).Where(l => l.StartsWith("table ", StringComparison.Ordinal)).ToList();

        tables.Count.ShouldBe(context.Model.GetEntityTypes().Count());
        tables.Count.ShouldBe(57);
    }
}
