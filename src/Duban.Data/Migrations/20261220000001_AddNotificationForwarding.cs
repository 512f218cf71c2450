using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Notifications outside the site (docs/notifications.md, "Outside the site"): the kinds each user wants forwarded
/// (none by default: nobody starts receiving mail they did not ask for), and which webhook endpoints deliver such
/// personal copies (none of the existing ones: they keep receiving exactly the group events they did).
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class AddNotificationForwarding : Migration
{
    public const string Id = "20261220000001_AddNotificationForwarding";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("ForwardedNotificationKinds", "users", maxLength: 500, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<bool>("Personal", "webhook_endpoints", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        Drop(migrationBuilder, "webhook_endpoints", "Personal");
        Drop(migrationBuilder, "users", "ForwardedNotificationKinds");
    }

    private static void Drop(MigrationBuilder migrationBuilder, string table, string column)
    {
        if (migrationBuilder.IsSqlite())
            migrationBuilder.Sql($"""ALTER TABLE "{table}" DROP COLUMN "{column}";""");
        else
            migrationBuilder.DropColumn(column, table);
    }
}
