using Duban.Data.TaskOrder;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// The task list's sort keys and the task's removal copied onto its assignments (<see cref="AssignmentSortKeys"/>), and
/// the index of each organisation's current tasks in the list's due order, so that one organisation's page is a walk of
/// its own rows (docs/benchmarks.md, "One organisation's list"). Existing assignments get the copies here (one UPDATE
/// joined to the tasks: SQLite has UPDATE … FROM since 3.33); from then on the context copies them on every save.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class CopyTaskSortKeysToAssignments : Migration
{
    public const string Id = "20270111000001_CopyTaskSortKeysToAssignments";

    private static readonly string[] Columns =
        [AssignmentSortKeys.DueKey, AssignmentSortKeys.PlanId, AssignmentSortKeys.ListOrder, AssignmentSortKeys.Order, AssignmentSortKeys.RemovedInVersionId];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(AssignmentSortKeys.DueKey, "assignments", nullable: false, defaultValue: TaskSortKeys.Undated);
        migrationBuilder.AddColumn<long>(AssignmentSortKeys.PlanId, "assignments", nullable: false, defaultValue: 0L);
        migrationBuilder.AddColumn<int>(AssignmentSortKeys.ListOrder, "assignments", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<int>(AssignmentSortKeys.Order, "assignments", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<long>(AssignmentSortKeys.RemovedInVersionId, "assignments", nullable: true);
        migrationBuilder.Sql($"""
            UPDATE assignments SET
                "{AssignmentSortKeys.DueKey}" = t."{TaskSortKeys.DueKey}",
                "{AssignmentSortKeys.PlanId}" = t."PlanId",
                "{AssignmentSortKeys.ListOrder}" = t."{TaskSortKeys.ListOrder}",
                "{AssignmentSortKeys.Order}" = t."Order",
                "{AssignmentSortKeys.RemovedInVersionId}" = t."RemovedInVersionId"
            FROM tasks AS t
            WHERE t."Id" = assignments."TaskId";
            """);
        migrationBuilder.CreateIndex(AssignmentSortKeys.ByDueIndex, "assignments",
            ["OrganizationId", AssignmentSortKeys.DueKey, AssignmentSortKeys.PlanId, AssignmentSortKeys.ListOrder, AssignmentSortKeys.Order, "TaskId"],
            filter: AssignmentSortKeys.CurrentFilter);
        // PostgreSQL has no statistics of the new columns until autovacuum's next analyze (a minute or so after the
        // backfill): read them now so that the first lists after the upgrade are planned on them.
        if (!migrationBuilder.IsSqlite()) migrationBuilder.Sql("ANALYZE assignments;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(AssignmentSortKeys.ByDueIndex, "assignments");
        foreach (var column in Columns.Reverse())
        {
            if (migrationBuilder.IsSqlite())
                migrationBuilder.Sql($"""ALTER TABLE "assignments" DROP COLUMN "{column}";""");
            else
                migrationBuilder.DropColumn(column, "assignments");
        }
    }
}
