using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Region codes (行政区划代码, GB/T 2260): <c>regions.Code</c>, six digits, unique where set, and an index on the name that
/// recognising a plan's region looks places up by. Existing regions keep no code; the start-up's division loader
/// (Regions/DivisionTreeLoader) gives a code to those it can place without doubt and adds the national tree around them.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class AddRegionCodes : Migration
{
    public const string Id = "20261212000001_AddRegionCodes";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Code", "regions", maxLength: 6, nullable: true);
        migrationBuilder.CreateIndex("IX_regions_Code", "regions", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_regions_Name", "regions", "Name");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_regions_Name", "regions");
        migrationBuilder.DropIndex("IX_regions_Code", "regions");
        if (migrationBuilder.IsSqlite())
            migrationBuilder.Sql("""ALTER TABLE "regions" DROP COLUMN "Code";""");
        else
            migrationBuilder.DropColumn("Code", "regions");
    }
}
