using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Tracking: reporting cycles and periods, progress reports with their append-only revisions and reviews, evidence
/// files, indicator values (observations) with their revisions. See docs/tracking.md.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class CreateTrackingTables : Migration
{
    public const string Id = "20261122000005_CreateTrackingTables";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "reporting_cycles",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                PlanId = table.Column<long>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                WindowDays = table.Column<int>(nullable: false),
                LateRule = table.Column<int>(nullable: false),
                RefuseAfterDays = table.Column<int>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_reporting_cycles", x => x.Id);
                table.ForeignKey("FK_reporting_cycles_plans_PlanId", x => x.PlanId, "plans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "periods",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                PlanId = table.Column<long>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Start = table.Column<DateOnly>(nullable: false),
                End = table.Column<DateOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_periods", x => x.Id);
                table.ForeignKey("FK_periods_plans_PlanId", x => x.PlanId, "plans", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "progress_reports",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                AssignmentId = table.Column<long>(nullable: false),
                PeriodId = table.Column<long>(nullable: false),
                Status = table.Column<int>(nullable: false),
                LatestRevisionId = table.Column<long>(nullable: true),
                RevisionCount = table.Column<int>(nullable: false),
                SubmittedAt = table.Column<long>(nullable: true),
                Late = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_progress_reports", x => x.Id);
                table.ForeignKey("FK_progress_reports_assignments_AssignmentId", x => x.AssignmentId, "assignments", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_progress_reports_periods_PeriodId", x => x.PeriodId, "periods", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "report_revisions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                ReportId = table.Column<long>(nullable: false),
                Number = table.Column<int>(nullable: false),
                State = table.Column<int>(nullable: false),
                PercentComplete = table.Column<int>(nullable: true),
                Done = table.Column<string>(maxLength: 4000, nullable: false),
                Problems = table.Column<string>(maxLength: 4000, nullable: false),
                NextSteps = table.Column<string>(maxLength: 4000, nullable: false),
                AuthorId = table.Column<long>(nullable: false),
                AuthorName = table.Column<string>(maxLength: 100, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_report_revisions", x => x.Id);
                table.ForeignKey("FK_report_revisions_progress_reports_ReportId", x => x.ReportId, "progress_reports", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "reviews",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                ReportId = table.Column<long>(nullable: false),
                RevisionId = table.Column<long>(nullable: false),
                Decision = table.Column<int>(nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: true),
                ReviewerId = table.Column<long>(nullable: false),
                ReviewerName = table.Column<string>(maxLength: 100, nullable: false),
                At = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_reviews", x => x.Id);
                table.ForeignKey("FK_reviews_progress_reports_ReportId", x => x.ReportId, "progress_reports", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_reviews_report_revisions_RevisionId", x => x.RevisionId, "report_revisions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "evidence",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                PlanId = table.Column<long>(nullable: false),
                TaskId = table.Column<long>(nullable: true),
                OrganizationId = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                Type = table.Column<int>(nullable: false),
                Size = table.Column<long>(nullable: false),
                UploadedById = table.Column<long>(nullable: false),
                UploadedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_evidence", x => x.Id);
                table.ForeignKey("FK_evidence_plans_PlanId", x => x.PlanId, "plans", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_evidence_tasks_TaskId", x => x.TaskId, "tasks", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_evidence_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "report_evidence",
            columns: table => new
            {
                RevisionId = table.Column<long>(nullable: false),
                EvidenceId = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_report_evidence", x => new { x.RevisionId, x.EvidenceId });
                table.ForeignKey("FK_report_evidence_report_revisions_RevisionId", x => x.RevisionId, "report_revisions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_report_evidence_evidence_EvidenceId", x => x.EvidenceId, "evidence", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "observations",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                TargetId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                PeriodId = table.Column<long>(nullable: false),
                LatestRevisionId = table.Column<long>(nullable: true),
                RevisionCount = table.Column<int>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_observations", x => x.Id);
                table.ForeignKey("FK_observations_targets_TargetId", x => x.TargetId, "targets", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_observations_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_observations_periods_PeriodId", x => x.PeriodId, "periods", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "observation_revisions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                ObservationId = table.Column<long>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Value = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: false),
                AuthorId = table.Column<long>(nullable: false),
                AuthorName = table.Column<string>(maxLength: 100, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_observation_revisions", x => x.Id);
                table.ForeignKey("FK_observation_revisions_observations_ObservationId", x => x.ObservationId, "observations", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "observation_evidence",
            columns: table => new
            {
                RevisionId = table.Column<long>(nullable: false),
                EvidenceId = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_observation_evidence", x => new { x.RevisionId, x.EvidenceId });
                table.ForeignKey("FK_observation_evidence_observation_revisions_RevisionId", x => x.RevisionId, "observation_revisions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_observation_evidence_evidence_EvidenceId", x => x.EvidenceId, "evidence", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_reporting_cycles_PlanId", "reporting_cycles", "PlanId", unique: true);
        migrationBuilder.CreateIndex("IX_periods_PlanId_Kind_Start", "periods", ["PlanId", "Kind", "Start"], unique: true);
        migrationBuilder.CreateIndex("IX_progress_reports_AssignmentId_PeriodId", "progress_reports", ["AssignmentId", "PeriodId"], unique: true);
        migrationBuilder.CreateIndex("IX_progress_reports_PeriodId_Status", "progress_reports", ["PeriodId", "Status"]);
        migrationBuilder.CreateIndex("IX_report_revisions_ReportId_Number", "report_revisions", ["ReportId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_reviews_ReportId", "reviews", "ReportId");
        migrationBuilder.CreateIndex("IX_reviews_RevisionId", "reviews", "RevisionId");
        migrationBuilder.CreateIndex("IX_evidence_Sha256", "evidence", "Sha256");
        migrationBuilder.CreateIndex("IX_evidence_PlanId", "evidence", "PlanId");
        migrationBuilder.CreateIndex("IX_evidence_TaskId", "evidence", "TaskId");
        migrationBuilder.CreateIndex("IX_evidence_OrganizationId", "evidence", "OrganizationId");
        migrationBuilder.CreateIndex("IX_report_evidence_EvidenceId", "report_evidence", "EvidenceId");
        migrationBuilder.CreateIndex("IX_observations_TargetId_OrganizationId_PeriodId", "observations", ["TargetId", "OrganizationId", "PeriodId"], unique: true);
        migrationBuilder.CreateIndex("IX_observations_OrganizationId", "observations", "OrganizationId");
        migrationBuilder.CreateIndex("IX_observations_PeriodId", "observations", "PeriodId");
        migrationBuilder.CreateIndex("IX_observation_revisions_ObservationId_Number", "observation_revisions", ["ObservationId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_observation_evidence_EvidenceId", "observation_evidence", "EvidenceId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "observation_evidence", "observation_revisions", "observations", "report_evidence", "evidence", "reviews",
                     "report_revisions", "progress_reports", "periods", "reporting_cycles",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
