using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Each assessment result keeps its points without the explanations (docs/assessment.md, "Speed"), so that a score
/// card or the ranking does not read every organisation's explanations. Results computed before stay without one and
/// are read from their detail.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class KeepResultSummaries : Migration
{
    public const string Id = "20261231000001_KeepResultSummaries";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("Summary", "assessment_results", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
            migrationBuilder.Sql("""ALTER TABLE "assessment_results" DROP COLUMN "Summary";""");
        else
            migrationBuilder.DropColumn("Summary", "assessment_results");
    }
}
