using Duban.Data.TaskOrder;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// The task list's sort keys on the task (<see cref="TaskSortKeys"/>: the due date as a day number with undated tasks
/// last, the list's order) and the two indexes of current tasks that serve the list's sorts, so that a page of the
/// province-wide list is read in index order (docs/benchmarks.md); the removed-version key's index keeps removed tasks only.
/// Existing tasks get their keys here; from then on the
/// context keeps them on every save.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class AddTaskSortKeys : Migration
{
    public const string Id = "20270108000001_AddTaskSortKeys";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(TaskSortKeys.DueKey, "tasks", nullable: false, defaultValue: TaskSortKeys.Undated);
        migrationBuilder.AddColumn<int>(TaskSortKeys.ListOrder, "tasks", nullable: false, defaultValue: 0);
        // DateOnly.DayNumber: days since 0001-01-01. SQLite keeps dates as yyyy-MM-dd text; julianday('0001-01-01') is
        // 1721425.5, the proleptic Gregorian calendar DateOnly uses.
        var dayNumber = migrationBuilder.IsSqlite()
            ? """CAST(julianday("Due") - 1721425.5 AS INTEGER)"""
            : """("Due" - DATE '0001-01-01')""";
        migrationBuilder.Sql($"""
            UPDATE tasks SET
                "{TaskSortKeys.DueKey}" = CASE WHEN "Due" IS NULL THEN {TaskSortKeys.Undated} ELSE {dayNumber} END,
                "{TaskSortKeys.ListOrder}" = (SELECT l."Order" FROM task_lists l WHERE l."Id" = tasks."TaskListId");
            """);
        migrationBuilder.CreateIndex(TaskSortKeys.ByDueIndex, "tasks", [TaskSortKeys.DueKey, "PlanId", TaskSortKeys.ListOrder, "Order", "Id"],
            filter: TaskSortKeys.CurrentFilter);
        migrationBuilder.CreateIndex(TaskSortKeys.ByNumberIndex, "tasks", ["PlanId", TaskSortKeys.ListOrder, "Order", "Id"],
            filter: TaskSortKeys.CurrentFilter);
        // Without stored statistics SQLite took the removed-version key's index for "IS NULL" and sorted every current task.
        migrationBuilder.DropIndex(TaskSortKeys.RemovedIndex, "tasks");
        migrationBuilder.CreateIndex(TaskSortKeys.RemovedIndex, "tasks", "RemovedInVersionId", filter: TaskSortKeys.RemovedFilter);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(TaskSortKeys.RemovedIndex, "tasks");
        migrationBuilder.CreateIndex(TaskSortKeys.RemovedIndex, "tasks", "RemovedInVersionId");
        migrationBuilder.DropIndex(TaskSortKeys.ByNumberIndex, "tasks");
        migrationBuilder.DropIndex(TaskSortKeys.ByDueIndex, "tasks");
        foreach (var column in new[] { TaskSortKeys.ListOrder, TaskSortKeys.DueKey })
        {
            if (migrationBuilder.IsSqlite())
                migrationBuilder.Sql($"""ALTER TABLE "tasks" DROP COLUMN "{column}";""");
            else
                migrationBuilder.DropColumn(column, "tasks");
        }
    }
}
