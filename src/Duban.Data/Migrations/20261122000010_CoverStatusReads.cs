using Duban.Data.Configuration;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Covering indexes for the status computation at province scale (docs/benchmarks.md, "Tracking at province scale"):
/// every read of reports, approved revisions and values it makes is answered from an index without visiting the tables. The
/// approved-history index replaces 20261122000009's, which ended with the report's id where the computation now needs
/// the approved revision's.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class CoverStatusReads : Migration
{
    public const string Id = "20261122000010_CoverStatusReads";

    private const string Previous = "IX_progress_reports_AssignmentId_Status_PeriodId_Id";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(Previous, "progress_reports");
        migrationBuilder.CreateIndex(ReportIndexes.ApprovedHistory, "progress_reports", ["AssignmentId", "Status", "PeriodId", "LatestRevisionId"]);
        migrationBuilder.CreateIndex(ReportIndexes.RecentPeriods, "progress_reports", ["PeriodId", "AssignmentId", "Status", "SubmittedAt", "Late", "LatestRevisionId"]);
        migrationBuilder.CreateIndex(ReportIndexes.RevisionOutcome, "report_revisions", ["Id", "State", "PercentComplete", "SubmittedAt", "CreatedAt"]);
        migrationBuilder.CreateIndex(ReportIndexes.ObservationValues, "observations", ["TargetId", "OrganizationId", "PeriodId", "LatestRevisionId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(ReportIndexes.ObservationValues, "observations");
        migrationBuilder.DropIndex(ReportIndexes.RevisionOutcome, "report_revisions");
        migrationBuilder.DropIndex(ReportIndexes.RecentPeriods, "progress_reports");
        migrationBuilder.DropIndex(ReportIndexes.ApprovedHistory, "progress_reports");
        migrationBuilder.CreateIndex(Previous, "progress_reports", ["AssignmentId", "Status", "PeriodId", "Id"]);
    }
}
