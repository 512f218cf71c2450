using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>Users, their API tokens, the audit log and the web's data-protection keys.</summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class CreateUserTables : Migration
{
    public const string Id = "20261122000002_CreateUserTables";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                UserName = table.Column<string>(maxLength: 100, nullable: false),
                DisplayName = table.Column<string>(maxLength: 100, nullable: false),
                PasswordHash = table.Column<string>(maxLength: 200, nullable: true),
                Role = table.Column<int>(nullable: false),
                Scope = table.Column<int>(nullable: false),
                OrganizationId = table.Column<long>(nullable: true),
                RegionId = table.Column<long>(nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                FailedSignIns = table.Column<int>(nullable: false),
                LockedUntil = table.Column<long>(nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_users", x => x.Id);
                table.ForeignKey("FK_users_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_users_regions_RegionId", x => x.RegionId, "regions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "api_tokens",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                UserId = table.Column<long>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Prefix = table.Column<string>(maxLength: 16, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                LastUsedAt = table.Column<long>(nullable: true),
                RevokedAt = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_api_tokens", x => x.Id);
                table.ForeignKey("FK_api_tokens_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                At = table.Column<long>(nullable: false),
                UserId = table.Column<long>(nullable: true),
                Actor = table.Column<string>(maxLength: 100, nullable: false),
                RemoteAddress = table.Column<string>(maxLength: 64, nullable: true),
                Action = table.Column<string>(maxLength: 100, nullable: false),
                EntityType = table.Column<string>(maxLength: 100, nullable: false),
                EntityId = table.Column<string>(maxLength: 100, nullable: true),
                Before = table.Column<string>(nullable: true),
                After = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_audit_entries", x => x.Id));

        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_data_protection_keys", x => x.Id));

        migrationBuilder.CreateIndex("IX_users_OrganizationId", "users", "OrganizationId");
        migrationBuilder.CreateIndex("IX_users_RegionId", "users", "RegionId");
        migrationBuilder.CreateIndex("IX_users_UserName", "users", "UserName", unique: true);
        migrationBuilder.CreateIndex("IX_api_tokens_Hash", "api_tokens", "Hash", unique: true);
        migrationBuilder.CreateIndex("IX_api_tokens_UserId", "api_tokens", "UserId");
        migrationBuilder.CreateIndex("IX_audit_entries_At", "audit_entries", "At");
        migrationBuilder.CreateIndex("IX_audit_entries_EntityType_EntityId", "audit_entries", ["EntityType", "EntityId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "data_protection_keys", "audit_entries", "api_tokens", "users" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
