using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Sign-in throttling per account and client instead of locking the account: anyone could keep an account locked by
/// failing five times in fifteen minutes. Locks set under the old rule are lifted; users.LockedUntil is no longer set.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class ThrottleSignInsPerClient : Migration
{
    public const string Id = "20261122000011_ThrottleSignInsPerClient";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "sign_in_throttles",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                UserId = table.Column<long>(nullable: false),
                Client = table.Column<string>(maxLength: 64, nullable: false),
                Failures = table.Column<int>(nullable: false),
                LastFailureAt = table.Column<long>(nullable: false),
                BlockedUntil = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_sign_in_throttles", x => x.Id);
                table.ForeignKey("FK_sign_in_throttles_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_sign_in_throttles_UserId_Client", "sign_in_throttles", ["UserId", "Client"], unique: true);
        migrationBuilder.CreateIndex("IX_sign_in_throttles_LastFailureAt", "sign_in_throttles", "LastFailureAt");
        migrationBuilder.Sql("UPDATE users SET \"LockedUntil\" = NULL, \"FailedSignIns\" = 0");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("sign_in_throttles");
}
