using Duban.Data.Migrations.Support;
using Duban.Data.Supervision;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// A 督办单 on a late 备案 (docs/cascade.md): supervision_orders.TaskId and AssignmentId become nullable, FilingId
/// (FK to filings, restrict) is added, and a check keeps exactly one subject — a task's assignment or a filing.
/// Existing orders all have a task, so they satisfy it unchanged.
/// </summary>
/// <remarks>
/// SQLite cannot change a column's nullability nor add a check in place: the table is rebuilt, with foreign keys off
/// meanwhile so that dropping the old table does not touch rectifications and order_reviews. <c>Down</c> fails while
/// any order on a filing remains (its task would be null); delete or close those first.
/// </remarks>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class AddFilingOrders : Migration
{
    public const string Id = "20270105000001_AddFilingOrders";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            RebuildOrders(migrationBuilder, withFilings: true);
            return;
        }
        migrationBuilder.AlterColumn<long>("TaskId", "supervision_orders", nullable: true, oldClrType: typeof(long), oldNullable: false);
        migrationBuilder.AlterColumn<long>("AssignmentId", "supervision_orders", nullable: true, oldClrType: typeof(long), oldNullable: false);
        migrationBuilder.AddColumn<long>("FilingId", "supervision_orders", nullable: true);
        migrationBuilder.AddForeignKey("FK_supervision_orders_filings_FilingId", "supervision_orders", "FilingId", "filings",
            principalColumn: "Id", onDelete: ReferentialAction.Restrict);
        migrationBuilder.CreateIndex("IX_supervision_orders_FilingId", "supervision_orders", "FilingId");
        migrationBuilder.AddCheckConstraint(SupervisionOrderConfiguration.SubjectCheck, "supervision_orders", SupervisionOrderConfiguration.SubjectSql);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            RebuildOrders(migrationBuilder, withFilings: false);
            return;
        }
        migrationBuilder.DropCheckConstraint(SupervisionOrderConfiguration.SubjectCheck, "supervision_orders");
        migrationBuilder.DropIndex("IX_supervision_orders_FilingId", "supervision_orders");
        migrationBuilder.DropForeignKey("FK_supervision_orders_filings_FilingId", "supervision_orders");
        migrationBuilder.DropColumn("FilingId", "supervision_orders");
        migrationBuilder.AlterColumn<long>("TaskId", "supervision_orders", nullable: false, oldClrType: typeof(long), oldNullable: true);
        migrationBuilder.AlterColumn<long>("AssignmentId", "supervision_orders", nullable: false, oldClrType: typeof(long), oldNullable: true);
    }

    /// <summary>The table as 20261122000007 made it, with (or, going down, without) the filing subject.</summary>
    private static void RebuildOrders(MigrationBuilder migrationBuilder, bool withFilings)
    {
        migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
        if (withFilings) CreateWithFilings(migrationBuilder);
        else CreateWithoutFilings(migrationBuilder);
        const string columns = """
            "Id", "Number", "TaskId", "AssignmentId", "OrganizationId", "Reason", "IssuedAt", "IssuedById", "IssuedByName", "ReplyBy",
            "Status", "Origin", "IdempotencyKey", "Version"
            """;
        migrationBuilder.Sql($"""INSERT INTO "ef_temp_supervision_orders" ({columns}) SELECT {columns} FROM "supervision_orders";""");
        migrationBuilder.DropTable("supervision_orders");
        migrationBuilder.RenameTable("ef_temp_supervision_orders", newName: "supervision_orders");
        migrationBuilder.CreateIndex("IX_supervision_orders_Number", "supervision_orders", "Number", unique: true);
        migrationBuilder.CreateIndex("IX_supervision_orders_IdempotencyKey", "supervision_orders", "IdempotencyKey", unique: true);
        migrationBuilder.CreateIndex("IX_supervision_orders_Status_ReplyBy", "supervision_orders", ["Status", "ReplyBy"]);
        migrationBuilder.CreateIndex("IX_supervision_orders_TaskId", "supervision_orders", "TaskId");
        migrationBuilder.CreateIndex("IX_supervision_orders_AssignmentId", "supervision_orders", "AssignmentId");
        migrationBuilder.CreateIndex("IX_supervision_orders_OrganizationId", "supervision_orders", "OrganizationId");
        if (withFilings) migrationBuilder.CreateIndex("IX_supervision_orders_FilingId", "supervision_orders", "FilingId");
        migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
    }

    private static void CreateWithFilings(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "ef_temp_supervision_orders",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                Number = table.Column<string>(maxLength: 50, nullable: false),
                TaskId = table.Column<long>(nullable: true),
                AssignmentId = table.Column<long>(nullable: true),
                FilingId = table.Column<long>(nullable: true),
                OrganizationId = table.Column<long>(nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                IssuedAt = table.Column<long>(nullable: false),
                IssuedById = table.Column<long>(nullable: true),
                IssuedByName = table.Column<string>(maxLength: 100, nullable: false),
                ReplyBy = table.Column<DateOnly>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Origin = table.Column<int>(nullable: false),
                IdempotencyKey = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_supervision_orders", x => x.Id);
                table.ForeignKey("FK_supervision_orders_tasks_TaskId", x => x.TaskId, "tasks", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_supervision_orders_assignments_AssignmentId", x => x.AssignmentId, "assignments", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_supervision_orders_filings_FilingId", x => x.FilingId, "filings", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_supervision_orders_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.CheckConstraint(SupervisionOrderConfiguration.SubjectCheck, SupervisionOrderConfiguration.SubjectSql);
            });

    private static void CreateWithoutFilings(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "ef_temp_supervision_orders",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                Number = table.Column<string>(maxLength: 50, nullable: false),
                TaskId = table.Column<long>(nullable: false),
                AssignmentId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                IssuedAt = table.Column<long>(nullable: false),
                IssuedById = table.Column<long>(nullable: true),
                IssuedByName = table.Column<string>(maxLength: 100, nullable: false),
                ReplyBy = table.Column<DateOnly>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Origin = table.Column<int>(nullable: false),
                IdempotencyKey = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_supervision_orders", x => x.Id);
                table.ForeignKey("FK_supervision_orders_tasks_TaskId", x => x.TaskId, "tasks", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_supervision_orders_assignments_AssignmentId", x => x.AssignmentId, "assignments", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_supervision_orders_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
}
