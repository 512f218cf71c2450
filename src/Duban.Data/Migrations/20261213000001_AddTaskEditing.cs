using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Editing tasks after import (docs/supervision.md, "Correcting tasks"): a task list's source (计划文件, or a 交办事项's
/// kind, who instructed, when, in which meeting or document) and a task's retirement by hand (when, by whom, why, merged
/// into which task). Existing lists are read from documents (Source 0); no task is retired.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class AddTaskEditing : Migration
{
    public const string Id = "20261213000001_AddTaskEditing";

    private static readonly string[] ListColumns = ["Source", "SourceInstructor", "SourceDate", "SourceReference"];
    private static readonly string[] TaskColumns = ["RetiredAt", "RetiredById", "RetiredByName", "RetiredReason", "MergedIntoId"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("Source", "task_lists", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>("SourceInstructor", "task_lists", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<DateOnly>("SourceDate", "task_lists", nullable: true);
        migrationBuilder.AddColumn<string>("SourceReference", "task_lists", maxLength: 300, nullable: true);
        migrationBuilder.AddColumn<long>("RetiredAt", "tasks", nullable: true);
        migrationBuilder.AddColumn<long>("RetiredById", "tasks", nullable: true);
        migrationBuilder.AddColumn<string>("RetiredByName", "tasks", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<string>("RetiredReason", "tasks", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<long>("MergedIntoId", "tasks", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in TaskColumns) Drop(migrationBuilder, "tasks", column);
        foreach (var column in ListColumns) Drop(migrationBuilder, "task_lists", column);
    }

    private static void Drop(MigrationBuilder migrationBuilder, string table, string column)
    {
        if (migrationBuilder.IsSqlite())
            migrationBuilder.Sql($"""ALTER TABLE "{table}" DROP COLUMN "{column}";""");
        else
            migrationBuilder.DropColumn(column, table);
    }
}
