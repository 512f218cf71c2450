using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>督办单 and their rectification plans, 领导批示, and the tasks' timeline (docs/supervision.md).</summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class CreateSupervisionTables : Migration
{
    public const string Id = "20261122000007_CreateSupervisionTables";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "supervision_orders",
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

        migrationBuilder.CreateTable(
            name: "rectifications",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                OrderId = table.Column<long>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Measures = table.Column<string>(maxLength: 4000, nullable: false),
                NewDate = table.Column<DateOnly>(nullable: false),
                AuthorId = table.Column<long>(nullable: false),
                AuthorName = table.Column<string>(maxLength: 100, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_rectifications", x => x.Id);
                table.ForeignKey("FK_rectifications_supervision_orders_OrderId", x => x.OrderId, "supervision_orders", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "instructions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                TaskId = table.Column<long>(nullable: false),
                LeaderName = table.Column<string>(maxLength: 100, nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                RecordedById = table.Column<long>(nullable: false),
                RecordedByName = table.Column<string>(maxLength: 100, nullable: false),
                RecordedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_instructions", x => x.Id);
                table.ForeignKey("FK_instructions_tasks_TaskId", x => x.TaskId, "tasks", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "task_events",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                TaskId = table.Column<long>(nullable: false),
                AssignmentId = table.Column<long>(nullable: true),
                OrganizationId = table.Column<long>(nullable: true),
                Kind = table.Column<int>(nullable: false),
                At = table.Column<long>(nullable: false),
                ActorId = table.Column<long>(nullable: true),
                ActorName = table.Column<string>(maxLength: 100, nullable: false),
                Summary = table.Column<string>(maxLength: 500, nullable: false),
                Payload = table.Column<string>(nullable: true),
                IdempotencyKey = table.Column<string>(maxLength: 200, nullable: false),
                OrderId = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_task_events", x => x.Id);
                table.ForeignKey("FK_task_events_tasks_TaskId", x => x.TaskId, "tasks", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_supervision_orders_Number", "supervision_orders", "Number", unique: true);
        migrationBuilder.CreateIndex("IX_supervision_orders_IdempotencyKey", "supervision_orders", "IdempotencyKey", unique: true);
        migrationBuilder.CreateIndex("IX_supervision_orders_Status_ReplyBy", "supervision_orders", ["Status", "ReplyBy"]);
        migrationBuilder.CreateIndex("IX_supervision_orders_TaskId", "supervision_orders", "TaskId");
        migrationBuilder.CreateIndex("IX_supervision_orders_AssignmentId", "supervision_orders", "AssignmentId");
        migrationBuilder.CreateIndex("IX_supervision_orders_OrganizationId", "supervision_orders", "OrganizationId");
        migrationBuilder.CreateIndex("IX_rectifications_OrderId_Number", "rectifications", ["OrderId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_instructions_TaskId", "instructions", "TaskId");
        migrationBuilder.CreateIndex("IX_task_events_IdempotencyKey", "task_events", "IdempotencyKey", unique: true);
        migrationBuilder.CreateIndex("IX_task_events_TaskId_At", "task_events", ["TaskId", "At"]);
        migrationBuilder.CreateIndex("IX_task_events_AssignmentId", "task_events", "AssignmentId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "task_events", "instructions", "rectifications", "supervision_orders" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
