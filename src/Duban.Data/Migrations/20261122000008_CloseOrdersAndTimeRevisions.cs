using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// The office's reviews of 督办单 (办结 / 整改不到位, docs/supervision.md), and the submission time of each report
/// revision (docs/tracking.md), backfilled for the revisions that were submitted before it existed.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class CloseOrdersAndTimeRevisions : Migration
{
    public const string Id = "20261122000008_CloseOrdersAndTimeRevisions";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "order_reviews",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                OrderId = table.Column<long>(nullable: false),
                Decision = table.Column<int>(nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: false),
                RectificationNumber = table.Column<int>(nullable: true),
                NewReplyBy = table.Column<DateOnly>(nullable: true),
                ReviewerId = table.Column<long>(nullable: false),
                ReviewerName = table.Column<string>(maxLength: 100, nullable: false),
                At = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_order_reviews", x => x.Id);
                table.ForeignKey("FK_order_reviews_supervision_orders_OrderId", x => x.OrderId, "supervision_orders", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_order_reviews_OrderId", "order_reviews", "OrderId");

        migrationBuilder.AddColumn<long>("SubmittedAt", "report_revisions", nullable: true);
        // Which revision was submitted when was not recorded. A revision the office reviewed, and the latest revision of
        // a report now waiting for review or approved, were submitted; their time is estimated as the status rules did
        // until now: the report's first submission, or the revision's writing when later. The other revisions (drafts,
        // and the ones superseded before the next submission) were never submitted and stay null.
        migrationBuilder.Sql("""
            UPDATE "report_revisions" SET "SubmittedAt" = (
                SELECT CASE WHEN r."SubmittedAt" > "report_revisions"."CreatedAt" THEN r."SubmittedAt" ELSE "report_revisions"."CreatedAt" END
                FROM "progress_reports" r
                WHERE r."Id" = "report_revisions"."ReportId")
            WHERE EXISTS (
                SELECT 1 FROM "progress_reports" r
                WHERE r."Id" = "report_revisions"."ReportId" AND r."SubmittedAt" IS NOT NULL
                  AND ((r."LatestRevisionId" = "report_revisions"."Id" AND r."Status" IN (2, 4))
                       OR EXISTS (SELECT 1 FROM "reviews" w WHERE w."RevisionId" = "report_revisions"."Id")));
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
            migrationBuilder.Sql("""ALTER TABLE "report_revisions" DROP COLUMN "SubmittedAt";""");
        else
            migrationBuilder.DropColumn("SubmittedAt", "report_revisions");
        migrationBuilder.DropTable("order_reviews");
    }
}
