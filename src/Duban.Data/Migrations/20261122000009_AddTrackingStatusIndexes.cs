using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// An index for the status computation at province scale: the latest approved report of each assignment is found
/// from (AssignmentId, Status, PeriodId, Id) alone, without reading the reports (docs/benchmarks.md, "Tracking at
/// province scale").
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class AddTrackingStatusIndexes : Migration
{
    public const string Id = "20261122000009_AddTrackingStatusIndexes";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_progress_reports_AssignmentId_Status_PeriodId_Id", "progress_reports", ["AssignmentId", "Status", "PeriodId", "Id"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_progress_reports_AssignmentId_Status_PeriodId_Id", "progress_reports");
}
