using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>The 通报 of assessments (docs/assessment.md, "通报"): one draft per assessment, frozen once issued. A new table only.</summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class AddAssessmentBulletins : Migration
{
    public const string Id = "20270101000001_AddAssessmentBulletins";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "assessment_bulletins",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                AssessmentId = table.Column<long>(nullable: false),
                Draft = table.Column<string>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
                UpdatedById = table.Column<long>(nullable: false),
                UpdatedByName = table.Column<string>(maxLength: 100, nullable: false),
                IssuedAt = table.Column<long>(nullable: true),
                IssuedByName = table.Column<string>(maxLength: 100, nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_assessment_bulletins", x => x.Id);
                table.ForeignKey("FK_assessment_bulletins_assessments_AssessmentId", x => x.AssessmentId, "assessments", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_assessment_bulletins_AssessmentId", "assessment_bulletins", "AssessmentId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("assessment_bulletins");
}
