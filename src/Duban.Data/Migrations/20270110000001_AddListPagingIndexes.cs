using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Indexes in the order of the long lists read a page at a time from a cursor (docs/web.md, "Long lists"): the audit log
/// newest first by (time, id), whole or by action or kind of record; the 督办单 newest first by (issue time, id), whole
/// or by status; the 审核 queue by (status, first submission, id). Each page is then read from the index where the
/// cursor points, on both databases (docs/benchmarks.md, "Lists at province scale"). The audit log's indexes on the time
/// alone and on (action, time) are replaced by the ones ending in the id, which serve the same reads.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class AddListPagingIndexes : Migration
{
    public const string Id = "20270110000001_AddListPagingIndexes";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_audit_entries_At", "audit_entries");
        migrationBuilder.DropIndex("IX_audit_entries_Action_At", "audit_entries");
        migrationBuilder.CreateIndex("IX_audit_entries_At_Id", "audit_entries", ["At", "Id"]);
        migrationBuilder.CreateIndex("IX_audit_entries_Action_At_Id", "audit_entries", ["Action", "At", "Id"]);
        migrationBuilder.CreateIndex("IX_audit_entries_EntityType_At_Id", "audit_entries", ["EntityType", "At", "Id"]);
        migrationBuilder.CreateIndex("IX_supervision_orders_IssuedAt_Id", "supervision_orders", ["IssuedAt", "Id"]);
        migrationBuilder.CreateIndex("IX_supervision_orders_Status_IssuedAt_Id", "supervision_orders", ["Status", "IssuedAt", "Id"]);
        migrationBuilder.CreateIndex("IX_progress_reports_Status_SubmittedAt_Id", "progress_reports", ["Status", "SubmittedAt", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_progress_reports_Status_SubmittedAt_Id", "progress_reports");
        migrationBuilder.DropIndex("IX_supervision_orders_Status_IssuedAt_Id", "supervision_orders");
        migrationBuilder.DropIndex("IX_supervision_orders_IssuedAt_Id", "supervision_orders");
        migrationBuilder.DropIndex("IX_audit_entries_EntityType_At_Id", "audit_entries");
        migrationBuilder.DropIndex("IX_audit_entries_Action_At_Id", "audit_entries");
        migrationBuilder.DropIndex("IX_audit_entries_At_Id", "audit_entries");
        migrationBuilder.CreateIndex("IX_audit_entries_Action_At", "audit_entries", ["Action", "At"]);
        migrationBuilder.CreateIndex("IX_audit_entries_At", "audit_entries", "At");
    }
}
