using System.Net;
using System.Text.RegularExpressions;
using Duban.Core.Calendar;
using Duban.Core.Cascade;
using Duban.Core.Governance;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Data.Audit;
using Duban.Web.Calendar;
using Duban.Web.Demo;
using Duban.Web.Tests.Authorization;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;
using IcalCalendar = Ical.Net.Calendar;

namespace Duban.Web.Tests.Calendar;

/// <summary>The calendar feed (docs/calendar.md): valid RFC 5545, exactly the reader's entries, a secret address that can be revoked.</summary>
public sealed partial class CalendarFeedTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private DubanWebFactory Factory => plans.Factory;

    [GeneratedRegex("id=\"calendar-feed-url\" value=\"(?<url>[^\"]+)\"|value=\"(?<url>[^\"]+)\"[^>]*id=\"calendar-feed-url\"")]
    private static partial Regex ShownUrl();

    /// <summary>Makes the user's address through the API and returns its path (/calendar/….ics).</summary>
    private static async Task<string> NewFeedAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/me/calendar-feed", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.JsonAsync();
        json.GetProperty("feed").GetProperty("active").GetBoolean().ShouldBeTrue();
        json.GetProperty("webcalUrl").GetString()!.ShouldStartWith("webcal://");
        return new Uri(json.GetProperty("url").GetString()!).AbsolutePath;
    }

    private async Task<(string Text, IcalCalendar Calendar)> ReadAsync(string path)
    {
        var response = await Factory.CreateClient().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        var text = await response.Content.ReadAsStringAsync();
        return (text, IcalCalendar.Load(text)!);
    }

    private static IReadOnlyList<string> Uids(IcalCalendar calendar, string kind) =>
        calendar.Events.Select(e => e.Uid!).Where(u => u.StartsWith(kind + "-", StringComparison.Ordinal)).Select(u => u[..u.IndexOf('@')]).ToList();

    private static DateOnly Today => Duban.Core.Tracking.Periods.ChinaCalendar.Today(DateTimeOffset.UtcNow);

    /// <summary>The deadlines a feed must hold: current tasks with a date inside the feed's days, of plans not archived, kept by the filter.</summary>
    private Task<List<string>> ExpectedDeadlinesAsync(Func<IQueryable<Duban.Core.Plans.PlanTask>, IQueryable<Duban.Core.Plans.PlanTask>> filter)
    {
        var request = CalendarRequest.For(new Duban.Web.Security.DubanUser(0, "", "", Role.Admin, DataScope.All, null, null, null), Today);
        return Factory.WithDbAsync(db => filter(db.Tasks.Where(t => t.RemovedInVersionId == null && t.Due != null && t.Due >= request.From && t.Due <= request.To))
            .Select(t => "task-deadline-" + t.Id).ToListAsync());
    }

    /// <summary>
    /// The sample plans' deadlines (2023…) lie before the feed's days: every current task is given one in the coming
    /// weeks, as a plan being tracked now would have. Idempotent; each test that reads deadlines calls it.
    /// </summary>
    private Task DeadlinesInViewAsync() => Factory.WithDbAsync(async db =>
    {
        foreach (var task in await db.Tasks.Where(t => t.RemovedInVersionId == null).ToListAsync())
            task.Due = Today.AddDays(10 + (int)(task.Id % 60));
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Meetings_and_filings_reach_the_feeds_of_their_members_filers_and_office_and_nobody_elses()
    {
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var (ownBody, otherBody, ownMeeting, otherMeeting, ownFiling, otherFiling) = await Factory.WithDbAsync(async db =>
        {
            var other = await db.Assignments.Where(a => a.Task!.PlanId == plans.OtherRegionPlanId).Select(a => a.OrganizationId).FirstAsync();
            var own = new GoverningBodyRecord
            {
                PlanId = plans.PublishedPlanId, Kind = Duban.Parsing.Model.GoverningBodyKind.JointMeeting, Name = "日历联席会议", MeetingsPerYear = 2,
                Members = [new() { Role = Duban.Parsing.Model.MemberRole.Member, OrganizationId = education, UnitName = DemoSeeder.CityEducation }],
            };
            var elsewhere = new GoverningBodyRecord
            {
                PlanId = plans.OtherRegionPlanId, Kind = Duban.Parsing.Model.GoverningBodyKind.JointMeeting, Name = "外地联席会议", MeetingsPerYear = 2,
                Members = [new() { Role = Duban.Parsing.Model.MemberRole.Member, OrganizationId = other, UnitName = "外地成员单位" }],
            };
            db.GoverningBodies.AddRange(own, elsewhere);
            await db.SaveChangesAsync();
            var ownMeeting = new Meeting { BodyId = own.Id, Date = Today.AddDays(5), Title = "日历联席会议第一次例会", CreatedAt = DateTimeOffset.UtcNow, CreatedByName = "测试" };
            var otherMeeting = new Meeting { BodyId = elsewhere.Id, Date = Today.AddDays(5), Title = "外地联席会议例会", CreatedAt = DateTimeOffset.UtcNow, CreatedByName = "测试" };
            db.AddRange(ownMeeting, otherMeeting);
            var ownRequirement = new FilingRequirement { PlanId = plans.PublishedPlanId, Kind = FilingKind.Other, Text = "日历备案要求", CreatedByName = "测试", Due = Today.AddDays(20) };
            var otherRequirement = new FilingRequirement { PlanId = plans.OtherRegionPlanId, Kind = FilingKind.Other, Text = "外地备案要求", CreatedByName = "测试", Due = Today.AddDays(20) };
            db.AddRange(ownRequirement, otherRequirement);
            await db.SaveChangesAsync();
            var ownFiling = new Filing { RequirementId = ownRequirement.Id, OrganizationId = education };
            var otherFiling = new Filing { RequirementId = otherRequirement.Id, OrganizationId = other };
            db.AddRange(ownFiling, otherFiling);
            await db.SaveChangesAsync();
            return (own.Id, elsewhere.Id, ownMeeting.Id, otherMeeting.Id, ownFiling.Id, otherFiling.Id);
        });

        var (_, reporterFeed) = await ReadAsync(await NewFeedAsync(await Factory.SignedInAsync(DemoAccounts.Reporter)));
        Uids(reporterFeed, "meeting").ShouldContain($"meeting-meetings-{ownMeeting}");
        Uids(reporterFeed, "meeting").ShouldNotContain($"meeting-meetings-{otherMeeting}");
        Uids(reporterFeed, "meeting").ShouldNotContain(u => u.StartsWith($"meeting-window-{otherBody}-", StringComparison.Ordinal));
        Uids(reporterFeed, "filing-due").ShouldContain($"filing-due-{ownFiling}");
        Uids(reporterFeed, "filing-due").ShouldNotContain($"filing-due-{otherFiling}");
        var meeting = reporterFeed.Events.Single(e => e.Uid!.StartsWith($"meeting-meetings-{ownMeeting}@", StringComparison.Ordinal));
        meeting.Summary.ShouldBe("【会议】日历联席会议第一次例会");
        meeting.Url!.AbsolutePath.ShouldEndWith($"/meetings/{ownMeeting}");
        var filing = reporterFeed.Events.Single(e => e.Uid!.StartsWith($"filing-due-{ownFiling}@", StringComparison.Ordinal));
        (filing.DtStart!.Year, filing.DtStart.Month, filing.DtStart.Day).ShouldBe((Today.AddDays(20).Year, Today.AddDays(20).Month, Today.AddDays(20).Day));
        filing.Url!.AbsolutePath.ShouldEndWith($"/plans/{plans.PublishedPlanId}/cascade");

        // The full administrator's feed covers both regions, with the cadence windows still to be met.
        var (_, officeFeed) = await ReadAsync(await NewFeedAsync(await Factory.SignedInAsync(DemoAccounts.Admin)));
        Uids(officeFeed, "meeting").ShouldContain($"meeting-meetings-{ownMeeting}");
        Uids(officeFeed, "meeting").ShouldContain($"meeting-meetings-{otherMeeting}");
        Uids(officeFeed, "filing-due").ShouldContain($"filing-due-{ownFiling}");
        Uids(officeFeed, "filing-due").ShouldContain($"filing-due-{otherFiling}");
        Uids(officeFeed, "meeting").ShouldContain(u => u.StartsWith($"meeting-window-{otherBody}-", StringComparison.Ordinal) || u.StartsWith($"meeting-window-{ownBody}-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reporters_feed_is_valid_icalendar_with_its_organisations_deadlines_report_windows_and_orders_and_nobody_elses()
    {
        await DeadlinesInViewAsync();
        var supervision = await SupervisionSamples.AddAsync(Factory, plans.PublishedPlanId, plans.OtherRegionPlanId, "日历");
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var (text, calendar) = await ReadAsync(await NewFeedAsync(reporter));

        // RFC 5545: the calendar's required properties, and each event's UID, DTSTAMP and a DATE (all-day) DTSTART.
        text.ShouldStartWith("BEGIN:VCALENDAR");
        calendar.ProductId.ShouldBe(CalendarFeedWriter.ProductId);
        calendar.Version.ShouldBe("2.0");
        calendar.Events.Count.ShouldBeGreaterThan(0);
        foreach (var e in calendar.Events)
        {
            e.Uid.ShouldNotBeNullOrWhiteSpace();
            e.DtStamp.ShouldNotBeNull();
            e.DtStart!.HasTime.ShouldBeFalse($"{e.Uid} is an all-day event");
            e.Summary.ShouldNotBeNullOrWhiteSpace();
        }
        calendar.Events.Select(e => e.Uid).ShouldBeUnique();
        text.ShouldContain("DTSTART;VALUE=DATE:");

        // Exactly the deadlines of the tasks 清河市教育局 leads or cooperates on.
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var expected = await ExpectedDeadlinesAsync(q => q.Where(t => t.Assignments.Any(a => a.OrganizationId == education)));
        expected.ShouldNotBeEmpty("the sample plan gives 清河市教育局 tasks with deadlines");
        Uids(calendar, "task-deadline").ShouldBe(expected, ignoreOrder: true);
        var otherRegion = await ExpectedDeadlinesAsync(q => q.Where(t => t.PlanId == plans.OtherRegionPlanId));
        Uids(calendar, "task-deadline").ShouldNotContain(u => otherRegion.Contains(u));

        // Each deadline links to its task's page and says what it is.
        var deadline = calendar.Events.First(e => e.Uid!.StartsWith("task-deadline-", StringComparison.Ordinal));
        var taskId = deadline.Uid![("task-deadline-".Length)..deadline.Uid!.IndexOf('@')];
        deadline.Url!.AbsolutePath.ShouldBe($"/tasks/{taskId}");
        deadline.Summary!.ShouldStartWith("【截止】任务 ");

        // Its 督办单 and not the one addressed elsewhere; the report windows of its plan.
        Uids(calendar, "order-reply").ShouldContain($"order-reply-{supervision.OrderInside}");
        Uids(calendar, "order-reply").ShouldNotContain($"order-reply-{supervision.OrderOutside}");
        calendar.Events.Single(e => e.Uid!.StartsWith($"order-reply-{supervision.OrderInside}@", StringComparison.Ordinal)).Url!.AbsolutePath
            .ShouldBe($"/supervision/{supervision.OrderInside}");
        Uids(calendar, "report-window").ShouldContain(u => u.StartsWith($"report-window-{plans.PublishedPlanId}-", StringComparison.Ordinal));
        calendar.Events.Where(e => e.Uid!.StartsWith("report-window-", StringComparison.Ordinal)).ShouldAllBe(e => e.Summary!.StartsWith("【填报】"));
    }

    [Fact]
    public async Task The_office_feeds_cover_their_scope_another_organisations_reporter_sees_none_of_it()
    {
        await DeadlinesInViewAsync();
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var (_, all) = await ReadAsync(await NewFeedAsync(admin));
        var everyDeadline = await ExpectedDeadlinesAsync(q => q);
        Uids(all, "task-deadline").ShouldBe(everyDeadline, ignoreOrder: true);

        // 清河市's inspector: the city's plans, not the plan of the other region (unless one of the city's units holds a task of it).
        var inspector = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var (_, city) = await ReadAsync(await NewFeedAsync(inspector));
        var cityPath = await Factory.WithDbAsync(db => db.Regions.Where(r => r.Name == DemoSeeder.City).Select(r => r.Path).SingleAsync());
        var expectedCity = await ExpectedDeadlinesAsync(q => q.Where(t => t.PlanId != plans.OtherRegionPlanId
            || t.Assignments.Any(a => a.Organization!.Region!.Path.StartsWith(cityPath))));
        Uids(city, "task-deadline").ShouldBe(expectedCity, ignoreOrder: true);

        // A reporter of an organisation of the other plan: its own tasks, none of 清河市教育局's alone.
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var other = await Factory.WithDbAsync(db => db.Assignments.Where(a => a.Task!.PlanId == plans.OtherRegionPlanId && a.OrganizationId != education)
            .OrderBy(a => a.Id).Select(a => a.OrganizationId).FirstAsync());
        await Factory.CreateUserAsync("calendar-other", "calendar-other-password", Role.Reporter, DataScope.Own, other);
        var (_, theirs) = await ReadAsync(await NewFeedAsync(await Factory.SignedInAsync("calendar-other", "calendar-other-password")));
        var expectedTheirs = await ExpectedDeadlinesAsync(q => q.Where(t => t.Assignments.Any(a => a.OrganizationId == other)));
        Uids(theirs, "task-deadline").ShouldBe(expectedTheirs, ignoreOrder: true);
        var educationOnly = await ExpectedDeadlinesAsync(q => q.Where(t => t.Assignments.Any(a => a.OrganizationId == education) && !t.Assignments.Any(a => a.OrganizationId == other)));
        Uids(theirs, "task-deadline").ShouldNotContain(u => educationOnly.Contains(u));
    }

    [Fact]
    public async Task A_revoked_regenerated_unknown_or_odd_address_and_a_deactivated_owner_answer_404()
    {
        var user = await Factory.CreateUserAsync("calendar-owner", "calendar-owner-password", Role.Reporter, DataScope.Own, await Factory.OrganizationIdAsync(DemoSeeder.CityEducation));
        var client = await Factory.SignedInAsync("calendar-owner", "calendar-owner-password");
        var anonymous = Factory.CreateClient();

        var first = await NewFeedAsync(client);
        (await anonymous.GetAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Only the hash is kept; the secret is nowhere in the database or the audit.
        var secret = first["/calendar/".Length..^".ics".Length];
        var stored = await Factory.WithDbAsync(db => db.Set<CalendarFeed>().SingleAsync(f => f.UserId == user.Id));
        stored.Hash.ShouldBe(CalendarFeedSecret.HashOf(secret));
        (await Factory.WithDbAsync(db => db.AuditEntries.Select(e => (e.Before ?? "") + (e.After ?? "")).ToListAsync())).ShouldNotContain(t => t.Contains(secret));

        // Regenerated: the old address stops, the new one works.
        var second = await NewFeedAsync(client);
        second.ShouldNotBe(first);
        (await anonymous.GetAsync(first)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(second)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Revoked: 404, and the API says so.
        var revoked = await client.DeleteAsync("/api/v1/me/calendar-feed");
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await revoked.JsonAsync()).GetProperty("active").GetBoolean().ShouldBeFalse();
        (await anonymous.GetAsync(second)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await client.GetAsync("/api/v1/me/calendar-feed")).JsonAsync()).GetProperty("revokedAt").ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.Null);

        // Each step audited.
        var actions = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == AuditEntities.CalendarFeed && e.EntityId == stored.Id.ToString())
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        actions.ShouldBe([AuditActions.CalendarFeedCreate, AuditActions.CalendarFeedRegenerate, AuditActions.CalendarFeedRevoke]);

        // A deactivated owner's address stops too.
        var third = await NewFeedAsync(client);
        (await anonymous.GetAsync(third)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Factory.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == user.Id);
            u.IsActive = false;
            await db.SaveChangesAsync();
        });
        (await anonymous.GetAsync(third)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Unknown and odd secrets: 404, never a server error.
        foreach (var odd in new[] { new string('A', CalendarFeedSecret.Length), "x", "..%2F..%2Fetc", new string('长', 500), "a.b", "%E2%80%AE" })
            (await anonymous.GetAsync($"/calendar/{odd}.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound, odd);
    }

    [Fact]
    public async Task An_unchanged_feed_answers_304_to_its_etag_and_is_private()
    {
        var path = await NewFeedAsync(await Factory.SignedInAsync(DemoAccounts.Reporter));
        var anonymous = Factory.CreateClient();
        var first = await anonymous.GetAsync(path);
        first.Headers.CacheControl!.Private.ShouldBeTrue();
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        (await anonymous.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task The_address_is_made_on_the_own_page_shown_once_and_a_forged_post_is_refused()
    {
        var user = await Factory.CreateUserAsync("calendar-page", "calendar-page-password", Role.Reporter, DataScope.Own, await Factory.OrganizationIdAsync(DemoSeeder.CityEducation));
        var browser = await Factory.SignedInAsync("calendar-page", "calendar-page-password");
        (await browser.GetStringAsync("/me")).ShouldContain("尚未生成订阅地址");

        // Without the page's antiforgery token (a post from another site): refused, nothing made.
        var forged = await browser.PostAsync("/me", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "calendar-feed" }));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var forgedRevoke = await browser.PostAsync("/me", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "calendar-feed-revoke" }));
        forgedRevoke.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Factory.WithDbAsync(db => db.Set<CalendarFeed>().CountAsync(f => f.UserId == user.Id))).ShouldBe(0);

        var made = await Browser.SubmitAsync(browser, "/me", new Dictionary<string, string>(), formName: "calendar-feed");
        made.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await made.Content.ReadAsStringAsync();
        var url = ShownUrl().Match(page);
        url.Success.ShouldBeTrue("the new address is shown");
        page.ShouldContain("只显示这一次");
        var path = new Uri(WebUtility.HtmlDecode(url.Groups["url"].Value)).AbsolutePath;
        (await Factory.CreateClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetStringAsync("/me")).ShouldNotContain(path);

        var off = await Browser.SubmitAsync(browser, "/me", new Dictionary<string, string>(), formName: "calendar-feed-revoke");
        off.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await off.Content.ReadAsStringAsync()).ShouldContain("停用");
        (await Factory.CreateClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_administrator_switches_off_the_address_of_a_user_it_manages_and_no_other()
    {
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        await Factory.CreateUserAsync("calendar-managed", "calendar-managed-password", Role.Reporter, DataScope.Own, education);
        var managed = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "calendar-managed"));
        var path = await NewFeedAsync(await Factory.SignedInAsync("calendar-managed", "calendar-managed-password"));

        // An administrator of another region does not manage the user: 404, and the address works on.
        await Factory.CreateUserAsync("calendar-county-admin", "calendar-county-admin-password", Role.Admin, DataScope.RegionAndBelow,
            regionId: await Factory.RegionIdAsync(CountySamples.County));
        var countyAdmin = await Factory.SignedInAsync("calendar-county-admin", "calendar-county-admin-password");
        (await countyAdmin.DeleteAsync($"/api/v1/users/{managed.Id}/calendar-feed")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Factory.CreateClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The administrator of everything does: 200, the address stops, audited under the administrator's name.
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var revoked = await admin.DeleteAsync($"/api/v1/users/{managed.Id}/calendar-feed");
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Factory.CreateClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.CalendarFeedRevoke).Select(e => e.Actor).ToListAsync()))
            .ShouldContain(DemoAccounts.Admin);
    }
}
