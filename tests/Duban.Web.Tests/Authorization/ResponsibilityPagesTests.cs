using System.Net;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Supervision;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Authorization;

/// <summary>
/// The pages' forms ask the same question as the API (<see cref="WriteMatrixTests"/>): a county's administrator sees the
/// city department's part of a task the county shares, but a forged form post cannot review its report, close its
/// 督办单, flag it or record a 领导批示 on the city's plan; a city's administrator cannot open or reset an account of
/// scope 全部. Refused posts answer 4xx and change nothing.
/// </summary>
public sealed class ResponsibilityPagesTests(WriteMatrixFixture app) : IClassFixture<WriteMatrixFixture>
{
    private WriteMatrixWorld World => app.World;

    private HttpClient County => World.Clients[Actor.CountyAdmin];

    private static void ShouldBeRefused(HttpResponseMessage response) =>
        ((int)response.StatusCode).ShouldBeOneOf(400, 403, 404);

    [Fact]
    public async Task The_review_queue_lists_and_reviews_only_reports_of_organisations_the_reviewer_answers_for()
    {
        var cityReport = World.Reports[Side.City];
        var countyReport = World.Reports[Side.County];

        var queue = await County.GetStringAsync("/review");
        queue.ShouldContain($"data-report=\"{countyReport}\"");
        queue.ShouldNotContain($"data-report=\"{cityReport}\"");

        var version = await app.Factory.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == cityReport).Select(r => r.Version).SingleAsync());
        var forged = await Browser.SubmitAsync(County, "/review", new Dictionary<string, string> { ["decision"] = "approved", ["version"] = version.ToString() },
            formName: $"review-{cityReport}");

        ShouldBeRefused(forged);
        (await app.Factory.WithDbAsync(db => db.ProgressReports.SingleAsync(r => r.Id == cityReport))).Status.ShouldBe(ReportStatus.Submitted);
        (await app.Factory.WithDbAsync(db => db.Reviews.CountAsync(r => r.ReportId == cityReport))).ShouldBe(0);
    }

    [Fact]
    public async Task A_supervision_order_of_another_organisation_is_shown_without_the_close_form_and_a_forged_close_changes_nothing()
    {
        var order = World.Orders[Side.City];

        var page = await County.GetAsync($"/supervision/{order}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldNotContain("id=\"close-form\"");

        var forged = await Browser.SubmitAsync(County, $"/supervision/{World.Orders[Side.County]}",
            new Dictionary<string, string> { ["Close.Comment"] = "越权办结", ["Close.WithoutReply"] = "true" }, action: $"/supervision/{order}", formName: "close");

        ShouldBeRefused(forged);
        (await app.Factory.WithDbAsync(db => db.Set<SupervisionOrder>().SingleAsync(o => o.Id == order))).Status.ShouldNotBe(OrderStatus.Closed);
    }

    [Fact]
    public async Task A_batch_from_a_county_administrator_acts_on_nothing_it_does_not_answer_for()
    {
        var cityReport = World.Reports[Side.City];
        var wideReport = World.Reports[Side.Wide];
        var cityOrder = World.Orders[Side.City];
        var version = await app.Factory.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == cityReport).Select(r => r.Version).SingleAsync());
        var reviews = await app.Factory.WithDbAsync(db => db.Reviews.CountAsync());

        // Forged: the city's report (seen, not the county's to review) and a report outside the county's scope.
        var review = await Batch.BatchForms.ForgeAsync(County, "/review/batch", "batch-review",
        [
            new("step", "execute"), new("decision", "approved"), new("ids", cityReport.ToString()), new("ids", wideReport.ToString()),
            new($"v-{cityReport}", version.ToString()),
        ]);
        review.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await review.Content.ReadAsStringAsync();
        Batch.BatchForms.Items(result, "done").ShouldBe(new Dictionary<long, bool> { [cityReport] = false, [wideReport] = false });
        result.ShouldContain(Duban.Web.Security.ActingRights.NotResponsible);
        (await app.Factory.WithDbAsync(db => db.Reviews.CountAsync())).ShouldBe(reviews);
        (await app.Factory.WithDbAsync(db => db.ProgressReports.SingleAsync(r => r.Id == cityReport))).Status.ShouldBe(ReportStatus.Submitted);

        // The 督办单 list offers no box for the city's order, and a forged batch closes nothing.
        (await County.GetStringAsync("/supervision?status=all")).ShouldNotContain($"name=\"ids\" value=\"{cityOrder}\"");
        var close = await Batch.BatchForms.ForgeAsync(County, "/supervision/batch", "batch-close",
            [new("step", "execute"), new("comment", "越权办结"), new("withoutReply", "true"), new("ids", cityOrder.ToString())]);
        close.StatusCode.ShouldBe(HttpStatusCode.OK);
        Batch.BatchForms.Items(await close.Content.ReadAsStringAsync(), "done").ShouldBe(new Dictionary<long, bool> { [cityOrder] = false });
        (await app.Factory.WithDbAsync(db => db.Set<SupervisionOrder>().SingleAsync(o => o.Id == cityOrder))).Status.ShouldNotBe(OrderStatus.Closed);

        // A reporter is refused the pages themselves.
        var reporter = World.Clients[Actor.ReporterA];
        var denied = await Batch.BatchForms.ForgeAsync(reporter, "/review/batch", "batch-review",
            [new("step", "execute"), new("decision", "approved"), new("ids", cityReport.ToString())]);
        ((int)denied.StatusCode).ShouldBeOneOf(302, 403);
        (await app.Factory.WithDbAsync(db => db.Reviews.CountAsync())).ShouldBe(reviews);
    }

    [Fact]
    public async Task The_timeline_offers_only_the_administrators_organisations_and_refuses_a_forged_flag_or_instruction()
    {
        var timeline = $"/tasks/{World.SharedTask}/timeline";
        var html = await County.GetStringAsync(timeline);
        html.ShouldContain($"<option value=\"{World.OrgB}\"");
        html.ShouldNotContain($"<option value=\"{World.OrgA}\"");
        var eventsBefore = await app.Factory.WithDbAsync(db => db.Set<TaskEvent>().CountAsync(e => e.TaskId == World.SharedTask));

        var flag = await Browser.SubmitAsync(County, timeline,
            new Dictionary<string, string> { ["Flag.OrganizationId"] = World.OrgA.ToString(), ["Flag.Kind"] = "bulletin", ["Flag.Note"] = "越权通报" }, formName: "flag");
        flag.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // 下发督办单 has one form, on the task page, which the timeline links to: only the county's organisation, and a forged one is refused.
        html.ShouldNotContain("name=\"Issue.OrganizationId\"");
        html.ShouldContain($"href=\"tasks/{World.SharedTask}#issue-order\" id=\"issue-order-link\"");
        var page = await County.GetStringAsync($"/tasks/{World.SharedTask}");
        page.ShouldContain("id=\"issue-order-form\"");
        page.ShouldContain($"<option value=\"{World.OrgB}\"");
        page.ShouldNotContain($"<option value=\"{World.OrgA}\"");
        var issueOnTaskPage = await Browser.SubmitAsync(County, $"/tasks/{World.SharedTask}",
            new Dictionary<string, string> { ["OrganizationId"] = World.OrgA.ToString(), ["Reason"] = "越权督办" }, formName: "issue-order");
        issueOnTaskPage.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The task belongs to the city's plan: its 领导批示 are the city office's to record, and only the city is offered the form.
        html.ShouldNotContain("name=\"Instruct.Text\"");
        (await World.Clients[Actor.CityAdmin].GetStringAsync(timeline)).ShouldContain("name=\"Instruct.Text\"");
        var instruction = await Browser.SubmitAsync(County, timeline,
            new Dictionary<string, string> { ["Instruct.Leader"] = "县长", ["Instruct.Text"] = "越权批示", ["Instruct.Date"] = "2026-03-01" }, formName: "instruction");
        ShouldBeRefused(instruction);

        (await app.Factory.WithDbAsync(db => db.Set<TaskEvent>().CountAsync(e => e.TaskId == World.SharedTask))).ShouldBe(eventsBefore);
        (await app.Factory.WithDbAsync(db => db.Set<Instruction>().CountAsync(i => i.TaskId == World.SharedTask))).ShouldBe(0);

        // Its own government it may flag.
        var own = await Browser.SubmitAsync(County, timeline,
            new Dictionary<string, string> { ["Flag.OrganizationId"] = World.OrgB.ToString(), ["Flag.Kind"] = "summons", ["Flag.Note"] = "约谈县政府" }, formName: "flag");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Factory.WithDbAsync(db => db.Set<TaskEvent>().CountAsync(e => e.TaskId == World.SharedTask))).ShouldBe(eventsBefore + 1);
        // The entry names who flagged it by display name beside it; its text does not carry the login name.
        var summary = await app.Factory.WithDbAsync(db => db.Set<TaskEvent>().Where(e => e.TaskId == World.SharedTask).OrderByDescending(e => e.Id).Select(e => e.Summary).FirstAsync());
        var government = await app.Factory.WithDbAsync(db => db.Organizations.Where(o => o.Id == World.OrgB).Select(o => o.Name).SingleAsync());
        summary.ShouldStartWith($"{government}被标记为约谈", Case.Sensitive, summary);
    }

    [Fact]
    public async Task A_city_administrator_neither_opens_nor_resets_an_account_of_scope_all()
    {
        var city = World.Clients[Actor.CityAdmin];
        var wide = World.Users[Side.Wide];
        var hash = await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == wide).Select(u => u.PasswordHash).SingleAsync());

        (await city.GetAsync($"/users/{wide}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await city.GetStringAsync("/users")).ShouldNotContain("wm-target-wide");
        var forged = await Browser.SubmitAsync(city, "/me", new Dictionary<string, string> { ["ResetPassword"] = "Taken-over-password-1" },
            action: $"/users/{wide}", formName: "reset-password");

        ShouldBeRefused(forged);
        (await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == wide).Select(u => u.PasswordHash).SingleAsync())).ShouldBe(hash);
        (await city.GetAsync($"/users/{World.Users[Side.City]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
