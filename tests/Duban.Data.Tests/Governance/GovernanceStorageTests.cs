using Duban.Core.Governance;
using Duban.Core.Jobs;
using Duban.Core.Notifications;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Regions;
using Duban.Core.Security;
using Duban.Core.Users;
using Duban.Data.Governance;
using Duban.Data.Jobs;
using Duban.Data.Notifications;
using Duban.Data.Tests.Support;
using Duban.Data.Tests.Tracking;
using Duban.Parsing.Model;
using Microsoft.EntityFrameworkCore;
using PlanTask = Duban.Core.Plans.PlanTask;

namespace Duban.Data.Tests.Governance;

/// <summary>
/// Governing bodies, meetings and their decisions on both providers (docs/governance.md): a body's corrections, a
/// meeting with its attendance and minutes, a 议定事项 list that knows its meeting, and the cadence run that reminds the
/// office once before a window closes and tells it once when the window was missed.
/// </summary>
public sealed class GovernanceStorageTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private sealed record World(long PlanId, long BodyId, long Office, long Member, long Region);

    private static async Task<World> CreateAsync(DatabaseOptions options, string name)
    {
        await using var db = DatabaseFixture.Context(options);
        var city = await TestRegions.AddAsync(db, name + "市", RegionLevel.City);
        var office = new Organization { Name = name + "市教育局", Kind = OrganizationKind.Department, RegionId = city.Id };
        var member = new Organization { Name = name + "市财政局", Kind = OrganizationKind.Department, RegionId = city.Id };
        var plan = new Plan { Title = name + "职业教育改革实施方案", RegionId = city.Id, CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Status = PlanStatus.Published };
        db.AddRange(office, member, plan);
        await db.SaveChangesAsync();
        var task = new PlanTask { PlanId = plan.Id, Key = "清单/1", No = "1", Text = "建设实训基地", Assignments = [new() { OrganizationId = member.Id, Role = UnitRole.Lead, Primary = true, UnitName = "市财政局" }] };
        plan.Versions.Add(TrackingWorld.FirstVersion(task));
        await db.SaveChangesAsync();
        plan.CurrentVersionId = plan.Versions[0].Id;
        var body = new GoverningBodyRecord
        {
            PlanId = plan.Id, Kind = GoverningBodyKind.JointMeeting, Name = name + "职业教育工作部门联席会议", Office = "市教育局", OfficeOrganizationId = office.Id,
            MeetingsPerYear = 2, CadenceText = "原则上每半年召开一次例会", CadenceFrom = new DateOnly(2026, 1, 1),
            Members =
            [
                new() { Role = MemberRole.Convener, Title = "市政府分管教育工作的副市长" },
                new() { Role = MemberRole.Member, UnitName = "市财政局", OrganizationId = member.Id },
            ],
        };
        db.Add(body);
        db.Users.Add(new User { UserName = name + "-office", DisplayName = "办公室填报员", PasswordHash = "x", Role = Role.Reporter, Scope = DataScope.Own, OrganizationId = office.Id, CreatedAt = plan.CreatedAt });
        await db.SaveChangesAsync();
        return new World(plan.Id, body.Id, office.Id, member.Id, city.Id);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_meeting_its_attendance_minutes_and_decision_list_are_stored_and_read_back(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await CreateAsync(options, "存会" + Guid.NewGuid().ToString("N")[..4]);
        long meetingId;
        await using (var db = DatabaseFixture.Context(options))
        {
            var meeting = new Meeting
            {
                BodyId = world.BodyId, Date = new DateOnly(2026, 3, 15), Kind = MeetingKind.Regular, Title = "2026年上半年联席会议", Agenda = "一、通报进展\n二、研究经费",
                MinutesText = new string('纪', Meeting.MaxMinutesLength), MinutesFileName = "会议纪要.docx", MinutesSha256 = new string('a', 64), MinutesType = Core.Tracking.Reporting.EvidenceType.Docx, MinutesSize = 1234,
                CreatedAt = DateTimeOffset.UtcNow, CreatedByName = "管理员",
                Attendees = [new() { OrganizationId = world.Member, UnitName = "市财政局", Attended = true }, new() { UnitName = "市税务局", Attended = false }],
            };
            db.Add(meeting);
            await db.SaveChangesAsync();
            meetingId = meeting.Id;
            var version = await db.Plans.Where(p => p.Id == world.PlanId).Select(p => p.CurrentVersionId!.Value).SingleAsync();
            db.TaskLists.Add(new PlanTaskList { PlanVersionId = version, Name = "2026年上半年联席会议议定事项", Source = TaskListSource.MeetingDecision, MeetingId = meeting.Id, SourceDate = meeting.Date });
            // Every upload of the minutes file is kept: the first draft, then the one the meeting points at.
            foreach (var (file, sha) in new[] { ("会议纪要（初稿）.docx", new string('b', 64)), ("会议纪要.docx", new string('a', 64)) })
                db.Add(new MeetingMinutesFile { MeetingId = meeting.Id, FileName = file, Sha256 = sha, Type = Core.Tracking.Reporting.EvidenceType.Docx, Size = 1234, UploadedAt = DateTimeOffset.UtcNow, UploadedByName = "管理员" });
            await db.SaveChangesAsync();
        }

        await using (var db = DatabaseFixture.Context(options))
        {
            var stored = await db.Set<Meeting>().Include(m => m.Attendees).SingleAsync(m => m.Id == meetingId);
            (stored.Date, stored.Kind, stored.Agenda, stored.MinutesText!.Length, stored.MinutesType).ShouldBe((new DateOnly(2026, 3, 15), MeetingKind.Regular, "一、通报进展\n二、研究经费", Meeting.MaxMinutesLength, Core.Tracking.Reporting.EvidenceType.Docx));
            stored.Attendees.OrderBy(a => a.Id).Select(a => (a.OrganizationId, a.UnitName, a.Attended)).ShouldBe([(world.Member, "市财政局", true), (null, "市税务局", false)]);
            (await db.TaskLists.SingleAsync(l => l.MeetingId == meetingId)).Source.ShouldBe(TaskListSource.MeetingDecision);
            (await db.Set<MeetingMinutesFile>().Where(f => f.MeetingId == meetingId).OrderBy(f => f.Id).Select(f => f.FileName).ToListAsync())
                .ShouldBe(["会议纪要（初稿）.docx", "会议纪要.docx"]);
            var body = await db.GoverningBodies.Include(b => b.Members).SingleAsync(b => b.Id == world.BodyId);
            (body.OfficeOrganizationId, body.CadenceText, body.CadenceFrom).ShouldBe((world.Office, "原则上每半年召开一次例会", new DateOnly(2026, 1, 1)));
            body.Members.Select(m => m.Title).ShouldContain("市政府分管教育工作的副市长");

            // A stale copy of a corrected body is refused by its version.
            var first = body.Version;
            body.Office = "市教育局（改）";
            await db.SaveChangesAsync();
            body.Version.ShouldNotBe(first);
        }
        await using (var db = DatabaseFixture.Context(options))
        {
            // The meetings go with the body, and their attendance with them.
            db.GoverningBodies.Remove(await db.GoverningBodies.SingleAsync(b => b.Id == world.BodyId));
            await db.SaveChangesAsync();
            (await db.Set<MeetingAttendee>().CountAsync(a => a.MeetingId == meetingId)).ShouldBe(0);
            (await db.Set<MeetingMinutesFile>().CountAsync(f => f.MeetingId == meetingId)).ShouldBe(0);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_cadence_run_reminds_the_office_once_and_flags_a_missed_half_year_once(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await CreateAsync(options, "频次" + Guid.NewGuid().ToString("N")[..4]);

        async Task RunAsync(int month, int day)
        {
            await using var db = DatabaseFixture.Context(options);
            var job = new MeetingReminderJob(db, new JobActions(db), new NotificationCenter(db), new WebhookOutbox(db, new WebhookOptions()));
            await job.RunAsync(new JobRun(new DateTimeOffset(2026, month, day, 2, 0, 0, TimeSpan.Zero), "test"), CancellationToken.None);
        }
        async Task<List<string>> OfficeNotificationsAsync()
        {
            await using var db = DatabaseFixture.Context(options);
            var office = await db.Users.Where(u => u.OrganizationId == world.Office).Select(u => u.Id).SingleAsync();
            return await db.Set<Notification>().Where(n => n.RecipientId == office).OrderBy(n => n.Id).Select(n => n.Title).ToListAsync();
        }

        await RunAsync(5, 1);
        (await OfficeNotificationsAsync()).ShouldBeEmpty();
        await RunAsync(6, 10);
        await RunAsync(6, 20);
        (await OfficeNotificationsAsync()).ShouldHaveSingleItem().ShouldContain("2026年上半年会议尚未召开");
        await RunAsync(7, 2);
        await RunAsync(7, 3);
        var notes = await OfficeNotificationsAsync();
        notes.Count.ShouldBe(2);
        notes[1].ShouldContain("2026年上半年未按期召开会议");
    }
}
