using Duban.Data.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Duban.Data.Tests;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void Without_settings_Duban_uses_SQLite_under_the_data_folder()
    {
        var options = DatabaseOptions.FromConfiguration(SettingsConfiguration.Of());

        options.ShouldBe(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = null, DataDirectory = "./data" });
    }

    [Theory]
    [InlineData("PostgreSQL")]
    [InlineData("postgresql")]
    [InlineData("Postgres")]
    public void The_provider_name_is_read_without_regard_to_case(string name)
    {
        var options = DatabaseOptions.FromConfiguration(SettingsConfiguration.Of(
            ("Database:Provider", name), ("Database:ConnectionString", "Host=db;Database=duban"), ("Database:DataDirectory", "/var/lib/duban")));

        options.ShouldBe(new DatabaseOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = "Host=db;Database=duban", DataDirectory = "/var/lib/duban" });
    }

    [Fact]
    public void An_unknown_provider_stops_with_the_accepted_names()
    {
        var error = Should.Throw<InvalidOperationException>(() =>
            DatabaseOptions.FromConfiguration(SettingsConfiguration.Of(("Database:Provider", "MySQL"))));

        error.Message.ShouldContain("'MySQL'");
        error.Message.ShouldContain("Sqlite");
        error.Message.ShouldContain("PostgreSQL");
    }

    [Fact]
    public void PostgreSQL_without_a_connection_string_is_refused()
    {
        var error = Should.Throw<InvalidOperationException>(() =>
            DubanDatabase.CreateOptions(new DatabaseOptions { Provider = DatabaseProvider.PostgreSQL }));

        error.Message.ShouldContain("Database:ConnectionString");
    }

    [Fact]
    public void PostgreSQL_uses_Npgsql_with_the_given_connection_string()
    {
        using var context = DubanDatabase.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = "Host=db.example;Database=duban" });

        context.Database.ProviderName.ShouldBe("Npgsql.EntityFrameworkCore.PostgreSQL");
        new NpgsqlConnectionStringBuilder(context.Database.GetConnectionString()).Host.ShouldBe("db.example");
    }

    [Fact]
    public void SQLite_gets_the_file_in_the_data_folder_which_is_created_with_foreign_keys_on()
    {
        var folder = Path.Combine(Path.GetTempPath(), "duban-options-" + Guid.NewGuid().ToString("N"), "nested", "data");
        try
        {
            using var context = DubanDatabase.CreateContext(new DatabaseOptions { DataDirectory = folder });

            var connection = new SqliteConnectionStringBuilder(context.Database.GetConnectionString());
            connection.DataSource.ShouldBe(Path.Combine(Path.GetFullPath(folder), DatabaseOptions.SqliteFileName));
            connection.ForeignKeys.ShouldBe(true);
            Directory.Exists(folder).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(folder))!, recursive: true);
        }
    }

    [Fact]
    public void A_SQLite_connection_string_overrides_the_data_folder_but_not_foreign_keys()
    {
        var file = Path.Combine(Path.GetTempPath(), "duban-options-" + Guid.NewGuid().ToString("N"), "own.db");
        try
        {
            using var context = DubanDatabase.CreateContext(new DatabaseOptions { ConnectionString = $"Data Source={file};Foreign Keys=False", DataDirectory = "/nonexistent" });

            var connection = new SqliteConnectionStringBuilder(context.Database.GetConnectionString());
            connection.DataSource.ShouldBe(file);
            connection.ForeignKeys.ShouldBe(true);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
