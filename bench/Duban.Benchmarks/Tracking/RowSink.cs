using Duban.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Duban.Benchmarks.Tracking;

/// <summary>Where the generated tracking rows go, table by table; rows carry their own ids.</summary>
public interface IRowSink<in T> : IAsyncDisposable where T : class
{
    ValueTask WriteAsync(T row, CancellationToken ct);

    Task CompleteAsync(CancellationToken ct);
}

/// <summary>
/// PostgreSQL binary COPY of one table on its own connection, column by column as the model maps it (with the model's
/// value converters, e.g. times stored as numbers). Foreign-key triggers are off for the session
/// (<c>session_replication_role = replica</c>, the role is a superuser) because each table streams on its own
/// connection at the same time, so a revision may arrive before its report commits; the generator writes consistent
/// rows and <see cref="TrackingDatasetLoader"/> checks them afterwards.
/// </summary>
public sealed class CopySink<T> : IRowSink<T> where T : class
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlBinaryImporter importer;
    private readonly (Func<T, object?> Get, ValueConverter? Converter)[] columns;

    private CopySink(NpgsqlConnection connection, NpgsqlBinaryImporter importer, (Func<T, object?>, ValueConverter?)[] columns)
    {
        this.connection = connection;
        this.importer = importer;
        this.columns = columns;
    }

    public static async Task<CopySink<T>> OpenAsync(DubanDbContext model, string connectionString, CancellationToken ct)
    {
        var entity = model.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection)) await replica.ExecuteNonQueryAsync(ct);
        var copy = $"COPY \"{table.Name}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""))}) FROM STDIN (FORMAT BINARY)";
        var importer = await connection.BeginBinaryImportAsync(copy, ct);
        var columns = properties.Select(p =>
        {
            var getter = p.GetGetter();
            return ((Func<T, object?>)(row => getter.GetClrValueUsingContainingEntity(row)), p.GetTypeMapping().Converter);
        }).ToArray();
        return new CopySink<T>(connection, importer, columns);
    }

    public async ValueTask WriteAsync(T row, CancellationToken ct)
    {
        await importer.StartRowAsync(ct);
        foreach (var (get, converter) in columns)
        {
            var value = get(row);
            if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
            if (value is null) await importer.WriteNullAsync(ct);
            else await importer.WriteAsync(value, ct);
        }
    }

    public async Task CompleteAsync(CancellationToken ct) => await importer.CompleteAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await importer.DisposeAsync();
        await connection.DisposeAsync();
    }
}

/// <summary>
/// For the small SQLite dataset of the smoke test: keeps the rows and adds them through EF Core at the end, in the
/// order the caller completes the sinks (parents first), so that SQLite's foreign keys hold.
/// </summary>
public sealed class ContextSink<T>(DatabaseOptions database) : IRowSink<T> where T : class
{
    private readonly List<T> rows = [];

    public ValueTask WriteAsync(T row, CancellationToken ct)
    {
        rows.Add(row);
        return ValueTask.CompletedTask;
    }

    public async Task CompleteAsync(CancellationToken ct)
    {
        await using var db = DubanDatabase.CreateContext(database);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Set<T>().AddRange(rows);
        await db.SaveChangesAsync(ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
