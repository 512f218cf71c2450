using Duban.Data.TaskOrder;
using Duban.Data.Tracking.Status;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Each current task's status by the rules stored on the task (<see cref="StoredTaskStatuses"/>: the status, null until
/// computed, and whether some, not all, of its leads have completed), the indexes that walk one status in either sort
/// of the task list, and the one row of <c>task_status_marks</c> saying what the stored statuses are good for. The
/// rules run in the application, not in SQL: the values are filled by the first computation after the upgrade (the
/// application's warm-up at start, or the first list filtered by status).
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class StoreTaskStatuses : Migration
{
    public const string Id = "20270109000001_StoreTaskStatuses";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(StoredTaskStatuses.Status, "tasks", nullable: true);
        migrationBuilder.AddColumn<bool>(StoredTaskStatuses.PartlyCompleted, "tasks", nullable: false, defaultValue: false);
        migrationBuilder.CreateIndex(StoredTaskStatuses.ByDueIndex, "tasks",
            [StoredTaskStatuses.Status, TaskSortKeys.DueKey, "PlanId", TaskSortKeys.ListOrder, "Order", "Id"], filter: TaskSortKeys.CurrentFilter);
        migrationBuilder.CreateIndex(StoredTaskStatuses.ByNumberIndex, "tasks",
            [StoredTaskStatuses.Status, "PlanId", TaskSortKeys.ListOrder, "Order", "Id"], filter: TaskSortKeys.CurrentFilter);
        migrationBuilder.CreateIndex(StoredTaskStatuses.PartlyCompletedIndex, "tasks", "PlanId", filter: StoredTaskStatuses.PartlyCompletedFilter);
        migrationBuilder.CreateTable(
            name: "task_status_marks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Day = table.Column<DateOnly>(nullable: true),
                Audit = table.Column<long>(nullable: false),
                Reports = table.Column<long>(nullable: false),
                Revisions = table.Column<long>(nullable: false),
                Reviews = table.Column<long>(nullable: false),
                Values = table.Column<long>(nullable: false),
                Tasks = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_task_status_marks", x => x.Id));
        // The row every computation locks first; no day yet, so the first one computes every plan.
        migrationBuilder.Sql($"""
            INSERT INTO task_status_marks ("Id", "Day", "Audit", "Reports", "Revisions", "Reviews", "Values", "Tasks")
            VALUES ({StoredStatusMarks.TheRow}, NULL, 0, 0, 0, 0, 0, 0);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("task_status_marks");
        migrationBuilder.DropIndex(StoredTaskStatuses.PartlyCompletedIndex, "tasks");
        migrationBuilder.DropIndex(StoredTaskStatuses.ByNumberIndex, "tasks");
        migrationBuilder.DropIndex(StoredTaskStatuses.ByDueIndex, "tasks");
        foreach (var column in new[] { StoredTaskStatuses.PartlyCompleted, StoredTaskStatuses.Status })
        {
            if (migrationBuilder.IsSqlite())
                migrationBuilder.Sql($"""ALTER TABLE "tasks" DROP COLUMN "{column}";""");
            else
                migrationBuilder.DropColumn(column, "tasks");
        }
    }
}
