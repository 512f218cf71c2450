using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Hardens the core model: one stored version per file (unique plan_versions.Sha256), tasks removed by a later
/// version (tasks.RemovedInVersionId), users' security stamps, expiring API tokens, and the audit log's indexes.
/// </summary>
/// <remarks>
/// The unique index fails on a database that already holds the same file twice (two imports that raced before this
/// release); docs/storage.md shows the query that finds them.
/// </remarks>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class HardenCoreModel : Migration
{
    public const string Id = "20261122000003_HardenCoreModel";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_plan_versions_Sha256", "plan_versions");
        migrationBuilder.CreateIndex("IX_plan_versions_Sha256", "plan_versions", "Sha256", unique: true);

        if (migrationBuilder.IsSqlite())
        {
            // SQLite adds a nullable column with a foreign key in place (its default is NULL); EF Core's AddForeignKey
            // would need a table rebuild from a target model, which hand-written migrations do not have.
            migrationBuilder.Sql("""
                ALTER TABLE "tasks" ADD COLUMN "RemovedInVersionId" INTEGER NULL
                    CONSTRAINT "FK_tasks_plan_versions_RemovedInVersionId" REFERENCES "plan_versions" ("Id") ON DELETE SET NULL;
                """);
        }
        else
        {
            migrationBuilder.AddColumn<long>("RemovedInVersionId", "tasks", nullable: true);
            migrationBuilder.AddForeignKey("FK_tasks_plan_versions_RemovedInVersionId", "tasks", "RemovedInVersionId", "plan_versions",
                principalColumn: "Id", onDelete: ReferentialAction.SetNull);
        }
        migrationBuilder.CreateIndex("IX_tasks_RemovedInVersionId", "tasks", "RemovedInVersionId");
        // Tasks a revision dropped stayed on the lists of the version before: the next version of their plan removed them.
        migrationBuilder.Sql("""
            UPDATE "tasks" SET "RemovedInVersionId" = (
                SELECT later."Id"
                FROM "task_lists" l
                JOIN "plan_versions" v ON v."Id" = l."PlanVersionId"
                JOIN "plan_versions" later ON later."PlanId" = v."PlanId" AND later."Number" > v."Number"
                WHERE l."Id" = "tasks"."TaskListId"
                ORDER BY later."Number"
                LIMIT 1);
            """);

        // Existing users get a random stamp each; their cookies carry none yet, so they sign in once more after the upgrade.
        migrationBuilder.AddColumn<Guid>("SecurityStamp", "users", nullable: false, defaultValue: Guid.Empty);
        migrationBuilder.Sql(migrationBuilder.IsSqlite()
            ? """
              UPDATE "users" SET "SecurityStamp" = hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2))
                  || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6));
              """
            : """UPDATE "users" SET "SecurityStamp" = gen_random_uuid();""");

        migrationBuilder.AddColumn<long>("ExpiresAt", "api_tokens", nullable: true);

        migrationBuilder.CreateIndex("IX_audit_entries_Action_At", "audit_entries", ["Action", "At"]);
        migrationBuilder.CreateIndex("IX_audit_entries_UserId", "audit_entries", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_audit_entries_UserId", "audit_entries");
        migrationBuilder.DropIndex("IX_audit_entries_Action_At", "audit_entries");
        migrationBuilder.DropIndex("IX_tasks_RemovedInVersionId", "tasks");

        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""ALTER TABLE "api_tokens" DROP COLUMN "ExpiresAt";""");
            migrationBuilder.Sql("""ALTER TABLE "users" DROP COLUMN "SecurityStamp";""");
            RebuildTasksWithoutRemovedInVersion(migrationBuilder);
        }
        else
        {
            migrationBuilder.DropColumn("ExpiresAt", "api_tokens");
            migrationBuilder.DropColumn("SecurityStamp", "users");
            migrationBuilder.DropForeignKey("FK_tasks_plan_versions_RemovedInVersionId", "tasks");
            migrationBuilder.DropColumn("RemovedInVersionId", "tasks");
        }

        migrationBuilder.DropIndex("IX_plan_versions_Sha256", "plan_versions");
        migrationBuilder.CreateIndex("IX_plan_versions_Sha256", "plan_versions", "Sha256");
    }

    /// <summary>
    /// SQLite cannot drop a column that has a foreign key: the table is rebuilt as the first migration made it, with
    /// foreign keys off meanwhile so that dropping the old table does not cascade to assignments and targets.
    /// </summary>
    private static void RebuildTasksWithoutRemovedInVersion(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
        migrationBuilder.CreateTable(
            name: "ef_temp_tasks",
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
        const string columns = """
            "Id", "PlanId", "TaskListId", "Key", "No", "Order", "SectionPath", "Text", "DeadlineRaw", "Due", "Start", "Ongoing",
            "Recurrence", "SpanStart", "SpanEnd", "Version"
            """;
        migrationBuilder.Sql($"""INSERT INTO "ef_temp_tasks" ({columns}) SELECT {columns} FROM "tasks";""");
        migrationBuilder.DropTable("tasks");
        migrationBuilder.RenameTable("ef_temp_tasks", newName: "tasks");
        migrationBuilder.CreateIndex("IX_tasks_Due", "tasks", "Due");
        migrationBuilder.CreateIndex("IX_tasks_PlanId_Key", "tasks", ["PlanId", "Key"]);
        migrationBuilder.CreateIndex("IX_tasks_TaskListId", "tasks", "TaskListId");
        migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
    }
}
