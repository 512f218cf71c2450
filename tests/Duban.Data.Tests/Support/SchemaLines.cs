namespace Duban.Data.Tests.Support;

/// <summary>
/// A schema written as one sorted line per fact (table, column, key, index, foreign key), so that the model's schema and
/// a migrated database's can be compared as sets and a difference reads as the missing or extra lines.
/// </summary>
internal static class SchemaLines
{
    public static string Table(string table) => $"table {table}";

    public static string Column(string table, string column, string storeType, bool nullable, bool identity) =>
        $"column {table}.{column} {storeType.ToLowerInvariant()}{(nullable ? " null" : " not null")}{(identity ? " identity" : "")}";

    public static string PrimaryKey(string table, string name, IEnumerable<string> columns) =>
        $"primary key {table}.{name} ({string.Join(", ", columns)})";

    public static string Index(string table, string name, IEnumerable<string> columns, bool unique) =>
        $"{(unique ? "unique index" : "index")} {table}.{name} ({string.Join(", ", columns)})";

    public static string ForeignKey(string table, string name, IEnumerable<string> columns, string principal,
        IEnumerable<string> principalColumns, string onDelete) =>
        $"foreign key {table}.{name} ({string.Join(", ", columns)}) -> {principal} ({string.Join(", ", principalColumns)}) on delete {onDelete.ToLowerInvariant()}";

    /// <summary>The difference between what the model expects and what the database has, or empty when they agree.</summary>
    public static string Difference(IReadOnlySet<string> expected, IReadOnlySet<string> actual)
    {
        var missing = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0 && extra.Count == 0) return "";
        return string.Join("\n", missing.Select(l => "model has, database lacks: " + l)
            .Concat(extra.Select(l => "database has, model lacks: " + l)));
    }
}
