using Microsoft.Extensions.Configuration;

namespace Duban.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

/// <summary>
/// Where Duban keeps its data: a SQLite file under <see cref="DataDirectory"/> by default, or a PostgreSQL database
/// named by <see cref="ConnectionString"/>. Read from the configuration section <c>Database</c>
/// (<c>Database:Provider</c>, <c>Database:ConnectionString</c>, <c>Database:DataDirectory</c>; as environment variables
/// <c>Database__Provider</c> and so on).
/// </summary>
public sealed record DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The SQLite file's name inside <see cref="DataDirectory"/>.</summary>
    public const string SqliteFileName = "duban.db";

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL. For SQLite it overrides the file under <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Where the SQLite file lives; relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; init; } = "./data";

    /// <summary>
    /// Reads the <c>Database</c> section. Read by hand rather than with the configuration binder so that a misspelt
    /// provider stops the start-up with a message naming the accepted values instead of a bare conversion error.
    /// </summary>
    public static DatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var defaults = new DatabaseOptions();
        return new DatabaseOptions
        {
            Provider = ParseProvider(section[nameof(Provider)]),
            ConnectionString = NullIfBlank(section[nameof(ConnectionString)]),
            DataDirectory = NullIfBlank(section[nameof(DataDirectory)]) ?? defaults.DataDirectory,
        };
    }

    public static DatabaseProvider ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return value.Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSQL,
            _ => throw new InvalidOperationException(
                $"{SectionName}:Provider is '{value}'; use Sqlite (the default) or PostgreSQL."),
        };
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
