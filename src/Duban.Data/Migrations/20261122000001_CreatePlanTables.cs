using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand, like every migration here (docs/storage.md says why and how): EF Core's design-time tools
// (dotnet ef, Microsoft.EntityFrameworkCore.Design) are not available from the package mirror, and one set of
// migrations serves SQLite and PostgreSQL alike. So column types come from CLR types, never from a provider's type
// names; each identity column carries both providers' annotations; DateTimeOffset columns are long (Unix ms, as the
// model's converter stores them); enums are int.
// There is deliberately no model snapshot: a snapshot holds one provider's annotations, so EF Core's pending-model-changes
// check would take the other provider's for changes. Without one EF Core skips that check (it logs ModelSnapshotNotFound)
// and tests/Duban.Data.Tests/SchemaTests compares each migrated database's catalog with the model instead.

/// <summary>Regions, organisations and plans with their versions, task lists, tasks, assignments, targets and bodies.</summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class CreatePlanTables : Migration
{
    public const string Id = "20261122000001_CreatePlanTables";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "regions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Level = table.Column<int>(nullable: false),
                ParentId = table.Column<long>(nullable: true),
                Path = table.Column<string>(maxLength: 400, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_regions", x => x.Id);
                table.ForeignKey("FK_regions_regions_ParentId", x => x.ParentId, "regions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "organizations",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<int>(nullable: false),
                RegionId = table.Column<long>(nullable: false),
                MergedIntoId = table.Column<long>(nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_organizations", x => x.Id);
                table.ForeignKey("FK_organizations_organizations_MergedIntoId", x => x.MergedIntoId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_organizations_regions_RegionId", x => x.RegionId, "regions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "organization_aliases",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                OrganizationId = table.Column<long>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_organization_aliases", x => x.Id);
                table.ForeignKey("FK_organization_aliases_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "plans",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                DocNumber = table.Column<string>(maxLength: 100, nullable: true),
                Issuer = table.Column<string>(maxLength: 200, nullable: true),
                IssueDate = table.Column<DateOnly>(nullable: true),
                RegionId = table.Column<long>(nullable: true),
                Status = table.Column<int>(nullable: false),
                CurrentVersionId = table.Column<long>(nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_plans", x => x.Id);
                table.ForeignKey("FK_plans_regions_RegionId", x => x.RegionId, "regions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "plan_versions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                PlanId = table.Column<long>(nullable: false),
                Number = table.Column<int>(nullable: false),
                FileName = table.Column<string>(maxLength: 300, nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                Text = table.Column<string>(nullable: false),
                ParsedJson = table.Column<string>(nullable: false),
                SchemaVersion = table.Column<int>(nullable: false),
                ImportedAt = table.Column<long>(nullable: false),
                ImportedById = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_plan_versions", x => x.Id);
                table.ForeignKey("FK_plan_versions_plans_PlanId", x => x.PlanId, "plans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "task_lists",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                PlanVersionId = table.Column<long>(nullable: false),
                Name = table.Column<string>(maxLength: 300, nullable: false),
                Order = table.Column<int>(nullable: false),
                InAnnex = table.Column<bool>(nullable: false),
                IsTable = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_task_lists", x => x.Id);
                table.ForeignKey("FK_task_lists_plan_versions_PlanVersionId", x => x.PlanVersionId, "plan_versions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "tasks",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                PlanId = table.Column<long>(nullable: false),
                TaskListId = table.Column<long>(nullable: false),
                Key = table.Column<string>(maxLength: 400, nullable: false),
                No = table.Column<string>(maxLength: 20, nullable: false),
                Order = table.Column<int>(nullable: false),
                SectionPath = table.Column<string>(maxLength: 1000, nullable: false),
                Text = table.Column<string>(nullable: false),
                DeadlineRaw = table.Column<string>(maxLength: 200, nullable: true),
                Due = table.Column<DateOnly>(nullable: true),
                Start = table.Column<DateOnly>(nullable: true),
                Ongoing = table.Column<bool>(nullable: false),
                Recurrence = table.Column<int>(nullable: true),
                SpanStart = table.Column<int>(nullable: false),
                SpanEnd = table.Column<int>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_tasks", x => x.Id);
                table.ForeignKey("FK_tasks_plans_PlanId", x => x.PlanId, "plans", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_tasks_task_lists_TaskListId", x => x.TaskListId, "task_lists", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "assignments",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                TaskId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                Role = table.Column<int>(nullable: false),
                Primary = table.Column<bool>(nullable: false),
                UnitName = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_assignments", x => x.Id);
                table.ForeignKey("FK_assignments_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_assignments_tasks_TaskId", x => x.TaskId, "tasks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "targets",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                PlanId = table.Column<long>(nullable: false),
                TaskId = table.Column<long>(nullable: true),
                Subject = table.Column<string>(maxLength: 300, nullable: false),
                Comparator = table.Column<int>(nullable: false),
                Value = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                ValueMax = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Unit = table.Column<string>(maxLength: 20, nullable: false),
                Year = table.Column<int>(nullable: true),
                PerYear = table.Column<bool>(nullable: false),
                Scope = table.Column<string>(nullable: true),
                Raw = table.Column<string>(maxLength: 500, nullable: false),
                SpanStart = table.Column<int>(nullable: false),
                SpanEnd = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_targets", x => x.Id);
                table.ForeignKey("FK_targets_plans_PlanId", x => x.PlanId, "plans", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_targets_tasks_TaskId", x => x.TaskId, "tasks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "governing_bodies",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                PlanId = table.Column<long>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 300, nullable: false),
                Office = table.Column<string>(maxLength: 200, nullable: true),
                MeetingsPerYear = table.Column<decimal>(precision: 9, scale: 2, nullable: true),
                MeetingsAtLeast = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_governing_bodies", x => x.Id);
                table.ForeignKey("FK_governing_bodies_plans_PlanId", x => x.PlanId, "plans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "body_members",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                BodyId = table.Column<long>(nullable: false),
                Person = table.Column<string>(maxLength: 50, nullable: true),
                Role = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: true),
                OrganizationId = table.Column<long>(nullable: true),
                UnitName = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_body_members", x => x.Id);
                table.ForeignKey("FK_body_members_governing_bodies_BodyId", x => x.BodyId, "governing_bodies", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_body_members_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_regions_ParentId", "regions", "ParentId");
        migrationBuilder.CreateIndex("IX_regions_Path", "regions", "Path");
        migrationBuilder.CreateIndex("IX_organizations_MergedIntoId", "organizations", "MergedIntoId");
        migrationBuilder.CreateIndex("IX_organizations_RegionId_Name", "organizations", ["RegionId", "Name"]);
        migrationBuilder.CreateIndex("IX_organization_aliases_Name", "organization_aliases", "Name");
        migrationBuilder.CreateIndex("IX_organization_aliases_OrganizationId", "organization_aliases", "OrganizationId");
        migrationBuilder.CreateIndex("IX_plans_DocNumber", "plans", "DocNumber");
        migrationBuilder.CreateIndex("IX_plans_RegionId", "plans", "RegionId");
        migrationBuilder.CreateIndex("IX_plan_versions_PlanId_Number", "plan_versions", ["PlanId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_plan_versions_Sha256", "plan_versions", "Sha256");
        migrationBuilder.CreateIndex("IX_task_lists_PlanVersionId", "task_lists", "PlanVersionId");
        migrationBuilder.CreateIndex("IX_tasks_Due", "tasks", "Due");
        migrationBuilder.CreateIndex("IX_tasks_PlanId_Key", "tasks", ["PlanId", "Key"]);
        migrationBuilder.CreateIndex("IX_tasks_TaskListId", "tasks", "TaskListId");
        migrationBuilder.CreateIndex("IX_assignments_OrganizationId_TaskId", "assignments", ["OrganizationId", "TaskId"]);
        migrationBuilder.CreateIndex("IX_assignments_TaskId", "assignments", "TaskId");
        migrationBuilder.CreateIndex("IX_targets_PlanId", "targets", "PlanId");
        migrationBuilder.CreateIndex("IX_targets_TaskId", "targets", "TaskId");
        migrationBuilder.CreateIndex("IX_governing_bodies_PlanId", "governing_bodies", "PlanId");
        migrationBuilder.CreateIndex("IX_body_members_BodyId", "body_members", "BodyId");
        migrationBuilder.CreateIndex("IX_body_members_OrganizationId", "body_members", "OrganizationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Dependents first; dropping a table drops its indexes.
        foreach (var table in new[]
                 {
                     "body_members", "governing_bodies", "targets", "assignments", "tasks", "task_lists", "plan_versions", "plans",
                     "organization_aliases", "organizations", "regions",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
