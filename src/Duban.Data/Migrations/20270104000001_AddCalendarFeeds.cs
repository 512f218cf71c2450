using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Calendar subscriptions (docs/calendar.md): one secret address per user, stored as the hash of its secret. A new
/// table only: nothing existing changes.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class AddCalendarFeeds : Migration
{
    public const string Id = "20270104000001_AddCalendarFeeds";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "calendar_feeds",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                UserId = table.Column<long>(nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                LastFetchedAt = table.Column<long>(nullable: true),
                RevokedAt = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_calendar_feeds", x => x.Id);
                table.ForeignKey("FK_calendar_feeds_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_calendar_feeds_Hash", "calendar_feeds", "Hash", unique: true);
        migrationBuilder.CreateIndex("IX_calendar_feeds_UserId", "calendar_feeds", "UserId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("calendar_feeds");
}
