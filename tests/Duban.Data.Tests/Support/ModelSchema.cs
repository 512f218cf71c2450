using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Tests.Support;

/// <summary>The schema the context's model expects, for the context's provider.</summary>
internal static class ModelSchema
{
    public static IReadOnlySet<string> Describe(DbContext context)
    {
        var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var lines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in model.Tables)
        {
            lines.Add(SchemaLines.Table(table.Name));
            foreach (var column in table.Columns)
            {
                lines.Add(SchemaLines.Column(table.Name, column.Name, column.StoreType, column.IsNullable, IsIdentity(column)));
            }
            if (table.PrimaryKey is { } key)
            {
                lines.Add(SchemaLines.PrimaryKey(table.Name, key.Name, key.Columns.Select(c => c.Name)));
            }
            foreach (var index in table.Indexes)
            {
                lines.Add(SchemaLines.Index(table.Name, index.Name, index.Columns.Select(c => c.Name), index.IsUnique));
            }
            foreach (var fk in table.ForeignKeyConstraints)
            {
                lines.Add(SchemaLines.ForeignKey(table.Name, fk.Name, fk.Columns.Select(c => c.Name), fk.PrincipalTable.Name,
                    fk.PrincipalColumns.Select(c => c.Name), OnDelete(fk.OnDeleteAction)));
            }
        }
        return lines;
    }

    /// <summary>A key column whose value the database makes: what both providers' identity annotations produce.</summary>
    private static bool IsIdentity(IColumn column) =>
        column.Table.PrimaryKey?.Columns is [var only] && only == column
        && column.PropertyMappings.Any(m => m.Property.ValueGenerated == ValueGenerated.OnAdd);

    private static string OnDelete(ReferentialAction action) => action switch
    {
        ReferentialAction.NoAction => "no action",
        ReferentialAction.Restrict => "restrict",
        ReferentialAction.Cascade => "cascade",
        ReferentialAction.SetNull => "set null",
        ReferentialAction.SetDefault => "set default",
        _ => action.ToString(),
    };
}
