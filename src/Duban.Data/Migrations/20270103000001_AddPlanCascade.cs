using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Plans that cascade (docs/cascade.md): a plan's basis documents, links between plans, filing requirements and
/// filings, and coverage of upper tasks by subordinate plans' tasks. New tables only: nothing existing changes.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class AddPlanCascade : Migration
{
    public const string Id = "20270103000001_AddPlanCascade";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "plan_basis",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                PlanId = table.Column<long>(nullable: false),
                Order = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                DocNumber = table.Column<string>(maxLength: 100, nullable: true),
                DocKey = table.Column<string>(maxLength: 100, nullable: true),
                SpanStart = table.Column<int>(nullable: false),
                SpanEnd = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_plan_basis", x => x.Id);
                table.ForeignKey("FK_plan_basis_plans_PlanId", x => x.PlanId, "plans", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_plan_basis_PlanId_Order", "plan_basis", ["PlanId", "Order"]);
        migrationBuilder.CreateIndex("IX_plan_basis_DocKey", "plan_basis", "DocKey");

        migrationBuilder.CreateTable(
            name: "plan_links",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                LowerPlanId = table.Column<long>(nullable: false),
                UpperPlanId = table.Column<long>(nullable: false),
                State = table.Column<int>(nullable: false),
                DocNumber = table.Column<string>(maxLength: 100, nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                DecidedAt = table.Column<long>(nullable: true),
                DecidedByName = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_plan_links", x => x.Id);
                table.ForeignKey("FK_plan_links_plans_LowerPlanId", x => x.LowerPlanId, "plans", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_plan_links_plans_UpperPlanId", x => x.UpperPlanId, "plans", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_plan_links_LowerPlanId_UpperPlanId", "plan_links", ["LowerPlanId", "UpperPlanId"], unique: true);
        migrationBuilder.CreateIndex("IX_plan_links_UpperPlanId", "plan_links", "UpperPlanId");

        migrationBuilder.CreateTable(
            name: "filing_requirements",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                PlanId = table.Column<long>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 1000, nullable: false),
                Office = table.Column<string>(maxLength: 200, nullable: true),
                Due = table.Column<DateOnly>(nullable: true),
                EveryChildRegion = table.Column<bool>(nullable: false),
                FromText = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                CreatedByName = table.Column<string>(maxLength: 100, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_filing_requirements", x => x.Id);
                table.ForeignKey("FK_filing_requirements_plans_PlanId", x => x.PlanId, "plans", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_filing_requirements_PlanId", "filing_requirements", "PlanId");

        migrationBuilder.CreateTable(
            name: "filings",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                RequirementId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                LowerPlanId = table.Column<long>(nullable: true),
                State = table.Column<int>(nullable: false),
                FiledAt = table.Column<long>(nullable: true),
                FiledByName = table.Column<string>(maxLength: 100, nullable: true),
                ReviewedAt = table.Column<long>(nullable: true),
                ReviewedByName = table.Column<string>(maxLength: 100, nullable: true),
                Comment = table.Column<string>(maxLength: 1000, nullable: true),
                EscalatedAt = table.Column<long>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_filings", x => x.Id);
                table.ForeignKey("FK_filings_filing_requirements_RequirementId", x => x.RequirementId, "filing_requirements", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_filings_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_filings_plans_LowerPlanId", x => x.LowerPlanId, "plans", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_filings_RequirementId_OrganizationId", "filings", ["RequirementId", "OrganizationId"], unique: true);
        migrationBuilder.CreateIndex("IX_filings_OrganizationId", "filings", "OrganizationId");
        migrationBuilder.CreateIndex("IX_filings_LowerPlanId", "filings", "LowerPlanId");

        migrationBuilder.CreateTable(
            name: "coverages",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                UpperTaskId = table.Column<long>(nullable: false),
                LowerPlanId = table.Column<long>(nullable: false),
                LowerTaskId = table.Column<long>(nullable: false),
                Score = table.Column<decimal>(precision: 4, scale: 3, nullable: false),
                State = table.Column<int>(nullable: false),
                DecidedAt = table.Column<long>(nullable: true),
                DecidedByName = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_coverages", x => x.Id);
                table.ForeignKey("FK_coverages_tasks_UpperTaskId", x => x.UpperTaskId, "tasks", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_coverages_tasks_LowerTaskId", x => x.LowerTaskId, "tasks", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_coverages_plans_LowerPlanId", x => x.LowerPlanId, "plans", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_coverages_UpperTaskId_LowerTaskId", "coverages", ["UpperTaskId", "LowerTaskId"], unique: true);
        migrationBuilder.CreateIndex("IX_coverages_LowerPlanId", "coverages", "LowerPlanId");
        migrationBuilder.CreateIndex("IX_coverages_LowerTaskId", "coverages", "LowerTaskId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "coverages", "filings", "filing_requirements", "plan_links", "plan_basis" })
            migrationBuilder.DropTable(table);
    }
}
