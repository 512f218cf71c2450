using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Support;

/// <summary>
/// The schema a database actually has, read from its own catalog (sqlite_master and the pragma functions on SQLite,
/// information_schema and pg_catalog on PostgreSQL), leaving out EF Core's own migration tables.
/// </summary>
internal static partial class Catalog
{
    public static async Task<IReadOnlySet<string>> TablesAsync(DbContext context) =>
        (await DescribeAsync(context)).Where(l => l.StartsWith("table ", StringComparison.Ordinal)).Select(l => l["table ".Length..]).ToHashSet();

    public static async Task<IReadOnlySet<string>> DescribeAsync(DbContext context)
    {
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        try
        {
            return context.Database.IsNpgsql() ? await DescribePostgresAsync(connection) : await DescribeSqliteAsync(connection);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    private static bool IsNpgsql(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) =>
        database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    private static bool IsEfTable(string name) => name.StartsWith("__EFMigrations", StringComparison.Ordinal);

    private static async Task<IReadOnlySet<string>> DescribeSqliteAsync(DbConnection connection)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        var tables = await QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var (table, sql) in tables.Where(t => !IsEfTable(t.Name)))
        {
            lines.Add(SchemaLines.Table(table));
            var columns = await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
                r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetInt64(2) != 0, KeyPosition: r.GetInt64(3)));
            var autoincrement = sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase);
            var keyColumns = columns.Where(c => c.KeyPosition > 0).OrderBy(c => c.KeyPosition).Select(c => c.Name).ToList();
            foreach (var c in columns)
            {
                lines.Add(SchemaLines.Column(table, c.Name, c.Type, !c.NotNull, autoincrement && keyColumns is [var only] && only == c.Name));
            }
            if (keyColumns.Count > 0)
            {
                lines.Add(SchemaLines.PrimaryKey(table, ConstraintName(sql, "PRIMARY KEY") ?? "?", keyColumns));
            }

            var indexes = await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')",
                r => (Name: r.GetString(0), Unique: r.GetInt64(1) != 0, Origin: r.GetString(2)));
            foreach (var index in indexes.Where(i => i.Origin == "c"))
            {
                var indexColumns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index.Name}') ORDER BY seqno",
                    r => r.GetString(0));
                lines.Add(SchemaLines.Index(table, index.Name, indexColumns, index.Unique));
            }

            var keys = await QueryAsync(connection,
                $"SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY id, seq",
                r => (Id: r.GetInt64(0), Principal: r.GetString(2), From: r.GetString(3), To: r.GetString(4), OnDelete: r.GetString(5)));
            foreach (var fk in keys.GroupBy(k => k.Id))
            {
                var from = fk.Select(k => k.From).ToList();
                lines.Add(SchemaLines.ForeignKey(table, ForeignKeyName(sql, from) ?? "?", from, fk.First().Principal,
                    fk.Select(k => k.To), fk.First().OnDelete));
            }
        }
        return lines;
    }

    /// <summary>SQLite keeps constraint names only in the CREATE TABLE text, which EF Core writes in one fixed form.</summary>
    private static string? ConstraintName(string createTable, string kind) =>
        Regex.Match(createTable, $"CONSTRAINT \"(?<name>[^\"]+)\" {kind}") is { Success: true } m ? m.Groups["name"].Value : null;

    private static string? ForeignKeyName(string createTable, IReadOnlyList<string> columns)
    {
        var quoted = string.Join(", ", columns.Select(c => $"\"{c}\""));
        return ForeignKeyClause().Matches(createTable).FirstOrDefault(m => m.Groups["columns"].Value == quoted)?.Groups["name"].Value
            ?? (columns.Count == 1 ? ColumnForeignKeyClause().Matches(createTable).FirstOrDefault(m => m.Groups["column"].Value == columns[0])?.Groups["name"].Value : null);
    }

    /// <summary>A key added with ALTER TABLE … ADD COLUMN is a column constraint: "Column" TYPE NULL CONSTRAINT "name" REFERENCES.</summary>
    [GeneratedRegex("\"(?<column>[^\"]+)\" [A-Z]+ NULL\\s+CONSTRAINT \"(?<name>[^\"]+)\" REFERENCES")]
    private static partial Regex ColumnForeignKeyClause();

    [GeneratedRegex("CONSTRAINT \"(?<name>[^\"]+)\" FOREIGN KEY \\((?<columns>[^)]*)\\)")]
    private static partial Regex ForeignKeyClause();

    private static async Task<IReadOnlySet<string>> DescribePostgresAsync(DbConnection connection)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        var tables = await QueryAsync(connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
            r => r.GetString(0));
        var ours = tables.Where(t => !IsEfTable(t)).ToHashSet();
        foreach (var table in ours) lines.Add(SchemaLines.Table(table));

        var columns = await QueryAsync(connection, """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity <> ''
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """,
            r => (Table: r.GetString(0), Name: r.GetString(1), Type: r.GetString(2), NotNull: r.GetBoolean(3), Identity: r.GetBoolean(4)));
        foreach (var c in columns.Where(c => ours.Contains(c.Table)))
        {
            lines.Add(SchemaLines.Column(c.Table, c.Name, c.Type, !c.NotNull, c.Identity));
        }

        var indexes = await QueryAsync(connection, """
            SELECT t.relname, i.relname, ix.indisunique, ix.indisprimary,
                   (SELECT string_agg(a.attname, ',' ORDER BY k.ord)
                    FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
            FROM pg_index ix
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema()
            """,
            r => (Table: r.GetString(0), Name: r.GetString(1), Unique: r.GetBoolean(2), Primary: r.GetBoolean(3), Columns: r.GetString(4).Split(',')));
        foreach (var index in indexes.Where(i => ours.Contains(i.Table)))
        {
            lines.Add(index.Primary
                ? SchemaLines.PrimaryKey(index.Table, index.Name, index.Columns)
                : SchemaLines.Index(index.Table, index.Name, index.Columns, index.Unique));
        }

        var keys = await QueryAsync(connection, """
            SELECT con.conname, cl.relname, ref.relname, con.confdeltype,
                   (SELECT string_agg(a.attname, ',' ORDER BY k.ord)
                    FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
                   (SELECT string_agg(a.attname, ',' ORDER BY k.ord)
                    FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum)
            FROM pg_constraint con
            JOIN pg_class cl ON cl.oid = con.conrelid
            JOIN pg_class ref ON ref.oid = con.confrelid
            JOIN pg_namespace n ON n.oid = cl.relnamespace
            WHERE con.contype = 'f' AND n.nspname = current_schema()
            """,
            r => (Name: r.GetString(0), Table: r.GetString(1), Principal: r.GetString(2), OnDelete: r.GetChar(3),
                Columns: r.GetString(4).Split(','), PrincipalColumns: r.GetString(5).Split(',')));
        foreach (var fk in keys.Where(k => ours.Contains(k.Table)))
        {
            lines.Add(SchemaLines.ForeignKey(fk.Table, fk.Name, fk.Columns, fk.Principal, fk.PrincipalColumns, fk.OnDelete switch
            {
                'a' => "no action",
                'r' => "restrict",
                'c' => "cascade",
                'n' => "set null",
                'd' => "set default",
                var other => other.ToString(),
            }));
        }
        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
