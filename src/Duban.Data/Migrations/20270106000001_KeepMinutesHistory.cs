using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Every upload of a meeting's 会议纪要 file kept (docs/governance.md, "Meetings"): until now a replacement overwrote the
/// meeting's file columns. The file a meeting has now is carried over as its first upload, dated when the meeting was
/// recorded (when it was uploaded was not kept; the audit log has it).
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class KeepMinutesHistory : Migration
{
    public const string Id = "20270106000001_KeepMinutesHistory";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "meeting_minutes_files",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                MeetingId = table.Column<long>(nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                Type = table.Column<int>(nullable: false),
                Size = table.Column<long>(nullable: false),
                UploadedAt = table.Column<long>(nullable: false),
                UploadedById = table.Column<long>(nullable: true),
                UploadedByName = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_meeting_minutes_files", x => x.Id);
                table.ForeignKey("FK_meeting_minutes_files_meetings_MeetingId", x => x.MeetingId, "meetings", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_meeting_minutes_files_MeetingId", "meeting_minutes_files", "MeetingId");
        migrationBuilder.Sql("""
            INSERT INTO "meeting_minutes_files" ("MeetingId", "FileName", "Sha256", "Type", "Size", "UploadedAt", "UploadedById", "UploadedByName")
            SELECT "Id", "MinutesFileName", "MinutesSha256", "MinutesType", COALESCE("MinutesSize", 0), "CreatedAt", "CreatedById", "CreatedByName"
            FROM "meetings"
            WHERE "MinutesSha256" IS NOT NULL AND "MinutesFileName" IS NOT NULL AND "MinutesType" IS NOT NULL;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("meeting_minutes_files");
}
