using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Assessments (docs/assessment.md): schemes and their versions, assessments with their runs and per-organisation
/// results, self-scores, reviews, entered scores and their evidence. New tables only: nothing existing changes.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class CreateAssessmentTables : Migration
{
    public const string Id = "20261230000001_CreateAssessmentTables";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "assessment_schemes",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                RegionId = table.Column<long>(nullable: false),
                PlanId = table.Column<long>(nullable: true),
                CurrentVersionId = table.Column<long>(nullable: true),
                CurrentVersionNumber = table.Column<int>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                CreatedById = table.Column<long>(nullable: false),
                CreatedByName = table.Column<string>(maxLength: 100, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_assessment_schemes", x => x.Id);
                table.ForeignKey("FK_assessment_schemes_regions_RegionId", x => x.RegionId, "regions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_assessment_schemes_plans_PlanId", x => x.PlanId, "plans", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_assessment_schemes_RegionId", "assessment_schemes", "RegionId");
        migrationBuilder.CreateIndex("IX_assessment_schemes_PlanId", "assessment_schemes", "PlanId");

        migrationBuilder.CreateTable(
            name: "assessment_scheme_versions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                SchemeId = table.Column<long>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Definition = table.Column<string>(nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                CreatedById = table.Column<long>(nullable: false),
                CreatedByName = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_assessment_scheme_versions", x => x.Id);
                table.ForeignKey("FK_assessment_scheme_versions_assessment_schemes_SchemeId", x => x.SchemeId, "assessment_schemes", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_assessment_scheme_versions_SchemeId_Number", "assessment_scheme_versions", ["SchemeId", "Number"], unique: true);

        migrationBuilder.CreateTable(
            name: "assessments",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                SchemeId = table.Column<long>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Stage = table.Column<int>(nullable: false),
                CurrentRunId = table.Column<long>(nullable: true),
                RunCount = table.Column<int>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                CreatedById = table.Column<long>(nullable: false),
                CreatedByName = table.Column<string>(maxLength: 100, nullable: false),
                PublishedAt = table.Column<long>(nullable: true),
                PublishedByName = table.Column<string>(maxLength: 100, nullable: true),
                PublishedStandings = table.Column<string>(nullable: true),
                FinalizedAt = table.Column<long>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_assessments", x => x.Id);
                table.ForeignKey("FK_assessments_assessment_schemes_SchemeId", x => x.SchemeId, "assessment_schemes", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_assessments_SchemeId_Year", "assessments", ["SchemeId", "Year"], unique: true);

        migrationBuilder.CreateTable(
            name: "assessment_runs",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                AssessmentId = table.Column<long>(nullable: false),
                Number = table.Column<int>(nullable: false),
                SchemeVersionId = table.Column<long>(nullable: false),
                SchemeVersionNumber = table.Column<int>(nullable: false),
                AsOf = table.Column<DateOnly>(nullable: false),
                ComputedAt = table.Column<long>(nullable: false),
                ComputedById = table.Column<long>(nullable: false),
                ComputedByName = table.Column<string>(maxLength: 100, nullable: false),
                Digest = table.Column<string>(maxLength: 64, nullable: false),
                Changes = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_assessment_runs", x => x.Id);
                table.ForeignKey("FK_assessment_runs_assessments_AssessmentId", x => x.AssessmentId, "assessments", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_assessment_runs_assessment_scheme_versions_SchemeVersionId", x => x.SchemeVersionId, "assessment_scheme_versions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_assessment_runs_AssessmentId_Number", "assessment_runs", ["AssessmentId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_assessment_runs_SchemeVersionId", "assessment_runs", "SchemeVersionId");

        migrationBuilder.CreateTable(
            name: "assessment_results",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                RunId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                Total = table.Column<decimal>(precision: 9, scale: 2, nullable: false),
                Detail = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_assessment_results", x => x.Id);
                table.ForeignKey("FK_assessment_results_assessment_runs_RunId", x => x.RunId, "assessment_runs", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_assessment_results_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_assessment_results_RunId_OrganizationId", "assessment_results", ["RunId", "OrganizationId"], unique: true);
        migrationBuilder.CreateIndex("IX_assessment_results_OrganizationId", "assessment_results", "OrganizationId");

        migrationBuilder.CreateTable(
            name: "assessment_evidence",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                AssessmentId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                Type = table.Column<int>(nullable: false),
                Size = table.Column<long>(nullable: false),
                UploadedById = table.Column<long>(nullable: false),
                UploadedByName = table.Column<string>(maxLength: 100, nullable: false),
                UploadedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_assessment_evidence", x => x.Id);
                table.ForeignKey("FK_assessment_evidence_assessments_AssessmentId", x => x.AssessmentId, "assessments", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_assessment_evidence_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_assessment_evidence_AssessmentId_OrganizationId", "assessment_evidence", ["AssessmentId", "OrganizationId"]);
        migrationBuilder.CreateIndex("IX_assessment_evidence_OrganizationId", "assessment_evidence", "OrganizationId");

        migrationBuilder.CreateTable(
            name: "assessment_self_scores",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                AssessmentId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                IndicatorCode = table.Column<string>(maxLength: 20, nullable: false),
                Points = table.Column<decimal>(precision: 9, scale: 2, nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: false),
                EvidenceId = table.Column<long>(nullable: true),
                AuthorId = table.Column<long>(nullable: false),
                AuthorName = table.Column<string>(maxLength: 100, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_assessment_self_scores", x => x.Id);
                table.ForeignKey("FK_assessment_self_scores_assessments_AssessmentId", x => x.AssessmentId, "assessments", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_assessment_self_scores_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_assessment_self_scores_assessment_evidence_EvidenceId", x => x.EvidenceId, "assessment_evidence", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_assessment_self_scores_AssessmentId_OrganizationId", "assessment_self_scores", ["AssessmentId", "OrganizationId"]);
        migrationBuilder.CreateIndex("IX_assessment_self_scores_OrganizationId", "assessment_self_scores", "OrganizationId");
        migrationBuilder.CreateIndex("IX_assessment_self_scores_EvidenceId", "assessment_self_scores", "EvidenceId");

        migrationBuilder.CreateTable(
            name: "assessment_reviews",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                AssessmentId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                IndicatorCode = table.Column<string>(maxLength: 20, nullable: false),
                Points = table.Column<decimal>(precision: 9, scale: 2, nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                RunNumber = table.Column<int>(nullable: false),
                ComputedPoints = table.Column<decimal>(precision: 9, scale: 2, nullable: false),
                PreviousPoints = table.Column<decimal>(precision: 9, scale: 2, nullable: false),
                ReviewerId = table.Column<long>(nullable: false),
                ReviewerName = table.Column<string>(maxLength: 100, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_assessment_reviews", x => x.Id);
                table.ForeignKey("FK_assessment_reviews_assessments_AssessmentId", x => x.AssessmentId, "assessments", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_assessment_reviews_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_assessment_reviews_AssessmentId_OrganizationId", "assessment_reviews", ["AssessmentId", "OrganizationId"]);
        migrationBuilder.CreateIndex("IX_assessment_reviews_OrganizationId", "assessment_reviews", "OrganizationId");

        migrationBuilder.CreateTable(
            name: "assessment_entries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                AssessmentId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                IndicatorCode = table.Column<string>(maxLength: 20, nullable: false),
                Points = table.Column<decimal>(precision: 9, scale: 2, nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: false),
                EvidenceId = table.Column<long>(nullable: true),
                AuthorId = table.Column<long>(nullable: false),
                AuthorName = table.Column<string>(maxLength: 100, nullable: false),
                AuthorRole = table.Column<int>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_assessment_entries", x => x.Id);
                table.ForeignKey("FK_assessment_entries_assessments_AssessmentId", x => x.AssessmentId, "assessments", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_assessment_entries_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_assessment_entries_assessment_evidence_EvidenceId", x => x.EvidenceId, "assessment_evidence", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_assessment_entries_AssessmentId_OrganizationId", "assessment_entries", ["AssessmentId", "OrganizationId"]);
        migrationBuilder.CreateIndex("IX_assessment_entries_OrganizationId", "assessment_entries", "OrganizationId");
        migrationBuilder.CreateIndex("IX_assessment_entries_EvidenceId", "assessment_entries", "EvidenceId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "assessment_entries", "assessment_reviews", "assessment_self_scores", "assessment_evidence", "assessment_results", "assessment_runs", "assessments", "assessment_scheme_versions", "assessment_schemes" })
            migrationBuilder.DropTable(table);
    }
}
