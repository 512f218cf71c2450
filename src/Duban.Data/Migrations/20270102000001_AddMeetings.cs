using Duban.Data.Migrations.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Migrations;

// Written by hand: see the note in 20261122000001_CreatePlanTables.cs and docs/storage.md.

/// <summary>
/// Governing bodies as records the office corrects, and their meetings (docs/governance.md): the bodies gain their
/// office's organisation, the cadence's wording and start, who corrected them and a version; meetings with their
/// attendance are new tables; a task list knows the meeting whose 议定事项 it holds.
/// </summary>
[DbContext(typeof(DubanDbContext))]
[Migration(Id)]
public sealed class AddMeetings : Migration
{
    public const string Id = "20270102000001_AddMeetings";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("CadenceText", "governing_bodies", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<long>("OfficeOrganizationId", "governing_bodies", nullable: true);
        migrationBuilder.AddColumn<DateOnly>("CadenceFrom", "governing_bodies", nullable: true);
        migrationBuilder.AddColumn<long>("CorrectedAt", "governing_bodies", nullable: true);
        migrationBuilder.AddColumn<string>("CorrectedByName", "governing_bodies", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<Guid>("Version", "governing_bodies", nullable: false, defaultValue: Guid.Empty);
        migrationBuilder.CreateIndex("IX_governing_bodies_OfficeOrganizationId", "governing_bodies", "OfficeOrganizationId");

        migrationBuilder.AddColumn<long>("MeetingId", "task_lists", nullable: true);
        migrationBuilder.CreateIndex("IX_task_lists_MeetingId", "task_lists", "MeetingId");

        migrationBuilder.CreateTable(
            name: "meetings",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                BodyId = table.Column<long>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Agenda = table.Column<string>(maxLength: 4000, nullable: true),
                MinutesText = table.Column<string>(maxLength: 20000, nullable: true),
                MinutesFileName = table.Column<string>(maxLength: 255, nullable: true),
                MinutesSha256 = table.Column<string>(maxLength: 64, nullable: true),
                MinutesType = table.Column<int>(nullable: true),
                MinutesSize = table.Column<long>(nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                CreatedById = table.Column<long>(nullable: true),
                CreatedByName = table.Column<string>(maxLength: 100, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_meetings", x => x.Id);
                table.ForeignKey("FK_meetings_governing_bodies_BodyId", x => x.BodyId, "governing_bodies", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_meetings_BodyId_Date", "meetings", ["BodyId", "Date"]);

        migrationBuilder.CreateTable(
            name: "meeting_attendees",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                MeetingId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: true),
                UnitName = table.Column<string>(maxLength: 200, nullable: false),
                Attended = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_meeting_attendees", x => x.Id);
                table.ForeignKey("FK_meeting_attendees_meetings_MeetingId", x => x.MeetingId, "meetings", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_meeting_attendees_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_meeting_attendees_MeetingId", "meeting_attendees", "MeetingId");
        migrationBuilder.CreateIndex("IX_meeting_attendees_OrganizationId", "meeting_attendees", "OrganizationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("meeting_attendees");
        migrationBuilder.DropTable("meetings");
        migrationBuilder.DropIndex("IX_task_lists_MeetingId", "task_lists");
        Drop(migrationBuilder, "task_lists", "MeetingId");
        migrationBuilder.DropIndex("IX_governing_bodies_OfficeOrganizationId", "governing_bodies");
        foreach (var column in new[] { "Version", "CorrectedByName", "CorrectedAt", "CadenceFrom", "OfficeOrganizationId", "CadenceText" })
            Drop(migrationBuilder, "governing_bodies", column);
    }

    /// <summary>SQLite (3.35+) drops a plain column itself; EF would refuse the operation rather than rebuild the table.</summary>
    private static void Drop(MigrationBuilder migrationBuilder, string table, string column)
    {
        if (migrationBuilder.IsSqlite())
            migrationBuilder.Sql($"""ALTER TABLE "{table}" DROP COLUMN "{column}";""");
        else
            migrationBuilder.DropColumn(column, table);
    }
}
