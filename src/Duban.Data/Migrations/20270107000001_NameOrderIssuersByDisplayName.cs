using Duban.Core.Tracking.Supervision;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// A manual 督办单 named its issuer by login name (admin) where every other page names people by their display name
/// (管理员). The orders whose issuer still exists and whose name is still that login name take the display name; an
/// order of a user since removed keeps what it has. Data only: the schema and the model do not change.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class NameOrderIssuersByDisplayName : Migration
{
    public const string Id = "20270107000001_NameOrderIssuersByDisplayName";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql($"""
        UPDATE supervision_orders
        SET "IssuedByName" = (SELECT u."DisplayName" FROM users u WHERE u."Id" = supervision_orders."IssuedById")
        WHERE "Origin" = {(int)OrderOrigin.Manual}
          AND EXISTS (SELECT 1 FROM users u WHERE u."Id" = supervision_orders."IssuedById" AND u."UserName" = supervision_orders."IssuedByName");
        """);

    // Nothing to undo: a display name stored is as good a name as the login name, and which rows held one is not kept.
    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}
