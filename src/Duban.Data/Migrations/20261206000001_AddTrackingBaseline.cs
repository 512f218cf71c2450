using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// The tracking baseline (docs/supervision.md): a plan's tracking start (跟踪起始日) and the organisations' baseline
/// reports (摸底). Plans published before it keep no tracking start, so nothing about them changes on upgrade until an
/// administrator sets one.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class AddTrackingBaseline : Migration
{
    public const string Id = "20261206000001_AddTrackingBaseline";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>("TrackingStart", "plans", nullable: true);
        migrationBuilder.CreateTable(
            name: "baseline_reports",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                TaskId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                State = table.Column<int>(nullable: false),
                NewDate = table.Column<DateOnly>(nullable: true),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
                StatedById = table.Column<long>(nullable: false),
                StatedByName = table.Column<string>(maxLength: 100, nullable: false),
                StatedByRole = table.Column<int>(nullable: false),
                StatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_baseline_reports", x => x.Id);
                table.ForeignKey("FK_baseline_reports_tasks_TaskId", x => x.TaskId, "tasks", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_baseline_reports_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_baseline_reports_TaskId_OrganizationId", "baseline_reports", ["TaskId", "OrganizationId"], unique: true);
        migrationBuilder.CreateIndex("IX_baseline_reports_OrganizationId", "baseline_reports", "OrganizationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("baseline_reports");
        if (migrationBuilder.IsSqlite())
            migrationBuilder.Sql("""ALTER TABLE "plans" DROP COLUMN "TrackingStart";""");
        else
            migrationBuilder.DropColumn("TrackingStart", "plans");
    }
}
