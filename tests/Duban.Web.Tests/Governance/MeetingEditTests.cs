using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Duban.Core.Governance;
using Duban.Data.Governance;
using Duban.Web.Tests.Authorization;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Governance;

/// <summary>
/// A recorded meeting is corrected by the administrators of its body's plan — through PUT /api/v1/meetings/{id} with
/// its ETag, or the form on /meetings/{id}/edit — and audited before → after; moving its date moves the cadence facts;
/// a replaced minutes file stays downloadable.
/// </summary>
public sealed class MeetingEditTests(WriteMatrixFixture app) : IClassFixture<WriteMatrixFixture>
{
    private WriteMatrixWorld World => app.World;

    private HttpClient County => World.Clients[Actor.CountyAdmin];

    /// <summary>Last year: every window of it is over, whatever day the test runs.</summary>
    private static readonly int Year = DateTime.UtcNow.Year - 1;

    private async Task<(long Body, long Meeting)> MeetingAsync(string tag)
    {
        var sample = (await GovernanceSamples.AddAsync(app.Factory, tag, World.PlanOf(Side.County)))[0];
        await app.Factory.WithDbAsync(async db =>
        {
            var body = await db.GoverningBodies.SingleAsync(b => b.Id == sample.Body);
            body.CadenceFrom = new DateOnly(Year, 1, 1);
            var meeting = await db.Set<Meeting>().SingleAsync(m => m.Id == sample.Meeting);
            meeting.Date = new DateOnly(Year, 3, 1);
            meeting.Agenda = "原议题";
            await db.SaveChangesAsync();
        });
        return sample;
    }

    private static HttpRequestMessage Put(long meeting, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/meetings/{meeting}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static string WindowState(JsonElement body, string label) =>
        body.GetProperty("windows").EnumerateArray().Single(w => w.GetProperty("label").GetString() == label).GetProperty("state").GetString()!;

    [Fact]
    public async Task Moving_a_meeting_out_of_its_half_year_makes_that_half_year_missed_and_is_audited_before_and_after()
    {
        var (body, meeting) = await MeetingAsync("改期");
        var detail = await (await County.GetAsync($"/api/v1/bodies/{body}")).JsonAsync();
        WindowState(detail, $"{Year}年上半年").ShouldBe("met");
        WindowState(detail, $"{Year}年下半年").ShouldBe("missed");
        var read = await County.GetAsync($"/api/v1/meetings/{meeting}");
        var etag = read.Headers.ETag!.ToString();

        var moved = await County.SendAsync(Put(meeting, new { date = $"{Year}-08-01", agenda = "改后的议题" }, etag));

        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        var after = await moved.JsonAsync();
        after.GetProperty("date").GetString().ShouldBe($"{Year}-08-01");
        after.GetProperty("agenda").GetString().ShouldBe("改后的议题");
        moved.Headers.ETag!.ToString().ShouldNotBe(etag);
        detail = await (await County.GetAsync($"/api/v1/bodies/{body}")).JsonAsync();
        WindowState(detail, $"{Year}年上半年").ShouldBe("missed");
        WindowState(detail, $"{Year}年下半年").ShouldBe("met");

        // The copy read before the move is stale now; without a copy, the write is refused too.
        (await County.SendAsync(Put(meeting, new { date = $"{Year}-03-01" }, etag))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await County.SendAsync(Put(meeting, new { date = $"{Year}-03-01" }, null))).StatusCode.ShouldBe((HttpStatusCode)428);
        var future = await County.SendAsync(Put(meeting, new { date = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd") }, "*"));
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await future.JsonAsync()).GetProperty("field").GetString().ShouldBe("date");
        (await app.Factory.WithDbAsync(db => db.Set<Meeting>().SingleAsync(m => m.Id == meeting))).Date.ShouldBe(new DateOnly(Year, 8, 1));

        var entry = await app.Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == GovernanceAuditActions.MeetingEdit && e.EntityId == meeting.ToString()));
        entry.Before!.ShouldContain($"{Year}-03-01");
        entry.After!.ShouldContain($"{Year}-08-01");
        var html = await World.Clients[Actor.FullAdmin].GetStringAsync($"/audit?action={GovernanceAuditActions.MeetingEdit}");
        var start = html.IndexOf("<tr class=\"audit-entry\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0);
        var next = html.IndexOf("<tr class=\"audit-entry\"", start + 1, StringComparison.Ordinal);
        var row = next < 0 ? html[start..] : html[start..next];
        row.ShouldContain("修改会议");
        row.ShouldContain(">议题</th>");
        row.ShouldContain("audit-before\">原议题</td>");
        row.ShouldContain("audit-after\">改后的议题</td>");
        row.ShouldContain(">日期</th>");
        row.ShouldContain($"{Year}年8月1日");
    }

    [Fact]
    public async Task The_form_corrects_date_title_attendance_agenda_and_minutes()
    {
        var (body, meeting) = await MeetingAsync("表单改");
        var version = await app.Factory.WithDbAsync(db => db.Set<Meeting>().Where(m => m.Id == meeting).Select(m => m.Version).SingleAsync());
        (await County.GetStringAsync($"/meetings/{meeting}")).ShouldContain($"meetings/{meeting}/edit");
        var member = "o" + await app.Factory.WithDbAsync(db => db.BodyMembers.Where(m => m.BodyId == body).Select(m => m.OrganizationId).SingleAsync());

        var saved = await Browser.SubmitAsync(County, $"/meetings/{meeting}/edit", new Dictionary<string, string>
        {
            ["Version"] = version.ToString("N"), ["Date"] = $"{Year}-04-02", ["Kind"] = "special", ["Title"] = "表单改后的专题会",
            ["Agenda"] = "", ["MinutesText"] = "会议议定：……", ["Attended"] = member,
        }, formName: "edit-meeting");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var stored = await app.Factory.WithDbAsync(db => db.Set<Meeting>().Include(m => m.Attendees).SingleAsync(m => m.Id == meeting));
        (stored.Date, stored.Kind, stored.Title, stored.Agenda, stored.MinutesText).ShouldBe((new DateOnly(Year, 4, 2), MeetingKind.Special, "表单改后的专题会", (string?)null, "会议议定：……"));
        stored.Attendees.ShouldHaveSingleItem().Attended.ShouldBeTrue();
        (await County.GetStringAsync($"/meetings/{meeting}")).ShouldContain("表单改后的专题会");
    }

    [Fact]
    public async Task The_city_plans_meeting_shows_the_county_administrator_no_form_and_a_forged_edit_changes_nothing()
    {
        var own = await MeetingAsync("伪造改");
        var city = (await GovernanceSamples.AddAsync(app.Factory, "伪造改", World.PlanOf(Side.City)))[0];
        var before = await app.Factory.WithDbAsync(db => db.Set<Meeting>().AsNoTracking().SingleAsync(m => m.Id == city.Meeting));
        var audits = await app.Factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        // The county's administrator reads the city plan's meeting, and is given no form to change it.
        (await County.GetStringAsync($"/meetings/{city.Meeting}")).ShouldNotContain($"meetings/{city.Meeting}/edit");
        var page = await County.GetAsync($"/meetings/{city.Meeting}/edit");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldNotContain("meeting-edit-form");

        var forged = await Browser.SubmitAsync(County, $"/meetings/{own.Meeting}/edit", new Dictionary<string, string>
        {
            ["Version"] = before.Version.ToString("N"), ["Date"] = "2026-01-02", ["Kind"] = "regular", ["Title"] = "越权", ["Agenda"] = "越权", ["MinutesText"] = "",
        }, action: $"/meetings/{city.Meeting}/edit", formName: "edit-meeting");
        var api = await County.SendAsync(Put(city.Meeting, new { title = "越权" }, "*"));

        ((int)forged.StatusCode).ShouldBeOneOf(400, 403, 404);
        ((int)api.StatusCode).ShouldBeOneOf(403, 404);
        var after = await app.Factory.WithDbAsync(db => db.Set<Meeting>().AsNoTracking().SingleAsync(m => m.Id == city.Meeting));
        (after.Title, after.Date, after.Version).ShouldBe((before.Title, before.Date, before.Version));
        (await app.Factory.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(audits);
    }

    [Fact]
    public async Task A_replaced_minutes_file_stays_in_the_meetings_history_and_can_still_be_downloaded()
    {
        var (_, meeting) = await MeetingAsync("纪要");
        // The sample's file was stored directly on the meeting; the uploads through the API are the ones kept.
        await UploadAsync(meeting, "第一稿.pdf", [.. "%PDF-1.4 first"u8]);
        await UploadAsync(meeting, "定稿.pdf", [.. "%PDF-1.4 final"u8]);

        var detail = await (await County.GetAsync($"/api/v1/meetings/{meeting}")).JsonAsync();
        detail.GetProperty("minutesFileName").GetString().ShouldBe("定稿.pdf");
        var files = detail.GetProperty("minutesFiles").EnumerateArray().ToList();
        files.Select(f => f.GetProperty("fileName").GetString()).ShouldBe(["定稿.pdf", "第一稿.pdf"]);
        files.Select(f => f.GetProperty("current").GetBoolean()).ShouldBe([true, false]);
        var earlier = await County.GetAsync($"/api/v1/meetings/{meeting}/minutes?fileId={files[1].GetProperty("id").GetInt64()}");
        earlier.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await earlier.Content.ReadAsByteArrayAsync()).ShouldBe("%PDF-1.4 first"u8.ToArray());
        (await (await County.GetAsync($"/api/v1/meetings/{meeting}/minutes")).Content.ReadAsByteArrayAsync()).ShouldBe("%PDF-1.4 final"u8.ToArray());
        (await County.GetAsync($"/api/v1/meetings/{meeting}/minutes?fileId=x")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await County.GetAsync($"/api/v1/meetings/{meeting}/minutes?fileId=999999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await County.GetStringAsync($"/meetings/{meeting}")).ShouldContain("第一稿.pdf");
    }

    private async Task UploadAsync(long meeting, string name, byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", name);
        var response = await County.PostAsync($"/api/v1/meetings/{meeting}/minutes", content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
