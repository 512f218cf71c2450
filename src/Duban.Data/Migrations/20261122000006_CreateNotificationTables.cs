using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>The job runner's leases and idempotency record, the notification centre, and outgoing webhooks.</summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class CreateNotificationTables : Migration
{
    public const string Id = "20261122000006_CreateNotificationTables";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "job_leases",
            columns: table => new
            {
                JobName = table.Column<string>(maxLength: 100, nullable: false),
                Holder = table.Column<string>(maxLength: 200, nullable: false),
                ExpiresAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_job_leases", x => x.JobName));

        migrationBuilder.CreateTable(
            name: "job_actions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                IdempotencyKey = table.Column<string>(maxLength: 200, nullable: false),
                JobName = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<string>(maxLength: 50, nullable: false),
                Payload = table.Column<string>(nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_job_actions", x => x.Id));

        migrationBuilder.CreateTable(
            name: "notifications",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                RecipientId = table.Column<long>(nullable: false),
                Kind = table.Column<string>(maxLength: 50, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(maxLength: 2000, nullable: false),
                Link = table.Column<string>(maxLength: 500, nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                ReadAt = table.Column<long>(nullable: true),
                IdempotencyKey = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_notifications", x => x.Id);
                table.ForeignKey("FK_notifications_users_RecipientId", x => x.RecipientId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "webhook_endpoints",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Url = table.Column<string>(maxLength: 2000, nullable: false),
                Secret = table.Column<string>(maxLength: 100, nullable: false),
                EventKinds = table.Column<string>(maxLength: 500, nullable: false),
                Format = table.Column<int>(nullable: false),
                Enabled = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_webhook_endpoints", x => x.Id));

        migrationBuilder.CreateTable(
            name: "webhook_deliveries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                EndpointId = table.Column<long>(nullable: false),
                EventId = table.Column<string>(maxLength: 200, nullable: false),
                EventKind = table.Column<string>(maxLength: 50, nullable: false),
                Payload = table.Column<string>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<long>(nullable: false),
                Status = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                DeliveredAt = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_webhook_deliveries", x => x.Id);
                table.ForeignKey("FK_webhook_deliveries_webhook_endpoints_EndpointId", x => x.EndpointId, "webhook_endpoints", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_job_actions_IdempotencyKey", "job_actions", "IdempotencyKey", unique: true);
        migrationBuilder.CreateIndex("IX_notifications_IdempotencyKey", "notifications", "IdempotencyKey", unique: true);
        migrationBuilder.CreateIndex("IX_notifications_RecipientId_CreatedAt", "notifications", ["RecipientId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_webhook_deliveries_EndpointId_EventId", "webhook_deliveries", ["EndpointId", "EventId"], unique: true);
        migrationBuilder.CreateIndex("IX_webhook_deliveries_Status_NextAttemptAt", "webhook_deliveries", ["Status", "NextAttemptAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "webhook_deliveries", "webhook_endpoints", "notifications", "job_actions", "job_leases" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
