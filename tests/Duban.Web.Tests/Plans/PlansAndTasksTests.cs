using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duban.Core.Security;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests.Plans;

/// <summary>Plans and tasks, through the API and the pages, as each kind of user may see them.</summary>
public sealed class PlansAndTasksTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private DubanWebFactory Factory => plans.Factory;

    private static async Task<List<JsonElement>> AllTasksAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/v1/tasks?pageSize=100" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = await response.JsonAsync();
        json.GetProperty("total").GetInt32().ShouldBeLessThanOrEqualTo(100);
        return json.GetProperty("items").EnumerateArray().ToList();
    }

    private static List<long> Ids(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("id").GetInt64()).OrderBy(id => id).ToList();

    private static List<long> PlanIds(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

    [Fact]
    public async Task A_reporter_sees_only_the_tasks_of_their_organisation_via_the_api()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var own = await plans.TaskIdsOfAsync(DemoSeeder.CityEducation);

        own.ShouldNotBeEmpty();
        Ids(await AllTasksAsync(client)).ShouldBe(own);
    }

    [Fact]
    public async Task A_reporter_of_the_finance_bureau_sees_its_tasks_and_nothing_else()
    {
        var finance = await Factory.OrganizationIdAsync(DemoSeeder.CityFinance);
        await Factory.CreateUserAsync("finance-reporter", "finance-password-1", Role.Reporter, DataScope.Own, finance);
        var client = await Factory.SignedInAsync("finance-reporter", "finance-password-1");
        var own = await plans.TaskIdsOfAsync(DemoSeeder.CityFinance);

        own.ShouldNotBeEmpty();
        Ids(await AllTasksAsync(client)).ShouldBe(own);
        (await client.GetAsync($"/api/v1/plans/{plans.OtherRegionPlanId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await client.GetStringAsync("/tasks");
        var notTheirs = (await plans.TasksAsync(plans.PublishedPlanId)).First(t => t.Assignments.All(a => a.OrganizationId != finance));
        page.ShouldNotContain($"#t-{notTheirs.Id}\"");
        foreach (var id in own) page.ShouldContain($"#t-{id}\"");
    }

    [Fact]
    public async Task The_tasks_page_of_a_reporter_lists_their_tasks_only()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var own = await plans.TaskIdsOfAsync(DemoSeeder.CityEducation);
        var all = await plans.TaskIdsOfPlansAsync(plans.PublishedPlanId, plans.DraftCityPlanId, plans.OtherRegionPlanId);

        var page = await client.GetStringAsync("/tasks");

        var linked = Regex.Matches(page, "#t-(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value)).Distinct().OrderBy(id => id).ToList();
        linked.ShouldBe(own);
        all.Except(own).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task An_inspector_of_the_city_sees_every_task_of_the_city_plans_and_none_elsewhere()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var city = await plans.TaskIdsOfPlansAsync(plans.PublishedPlanId, plans.DraftCityPlanId);

        var page = await (await client.GetAsync("/api/v1/tasks?pageSize=100")).JsonAsync();
        var ids = Ids(page.GetProperty("items").EnumerateArray());

        ids.ShouldBe(city);
        var visiblePlans = PlanIds(await (await client.GetAsync("/api/v1/plans")).JsonAsync());
        visiblePlans.ShouldBe([plans.PublishedPlanId, plans.DraftCityPlanId], ignoreOrder: true);
        (await client.GetAsync($"/api/v1/plans/{plans.OtherRegionPlanId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/plans/{plans.OtherRegionPlanId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/plans/{plans.DraftCityPlanId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_with_scope_all_sees_every_plan()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        PlanIds(await (await client.GetAsync("/api/v1/plans")).JsonAsync())
            .ShouldBe([plans.PublishedPlanId, plans.DraftCityPlanId, plans.OtherRegionPlanId], ignoreOrder: true);
        PlanIds(await (await client.GetAsync("/api/v1/plans?status=draft")).JsonAsync())
            .ShouldBe([plans.DraftCityPlanId, plans.OtherRegionPlanId], ignoreOrder: true);
        var versions = await (await client.GetAsync($"/api/v1/plans/{plans.DraftCityPlanId}/versions")).JsonAsync();
        versions.GetArrayLength().ShouldBe(2);
        versions[1].GetProperty("number").GetInt32().ShouldBe(2);
        versions[1].GetProperty("current").GetBoolean().ShouldBeTrue();
        versions[0].GetProperty("current").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task The_diff_between_two_versions_lists_the_edited_task()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        var diff = await (await admin.GetAsync($"/api/v1/plans/{plans.DraftCityPlanId}/diff")).JsonAsync();

        (diff.GetProperty("from").GetInt32(), diff.GetProperty("to").GetInt32()).ShouldBe((1, 2));
        diff.GetProperty("changed").GetInt32().ShouldBe(1);
        (diff.GetProperty("added").GetInt32(), diff.GetProperty("removed").GetInt32()).ShouldBe((0, 0));
        var changed = diff.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "changed");
        changed.GetProperty("afterText").GetString()!.ShouldContain("动态调整专业结构");
        changed.GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["text"]);
        var missing = await admin.GetAsync($"/api/v1/plans/{plans.DraftCityPlanId}/diff?from=1&to=7");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.JsonAsync()).GetProperty("field").GetString().ShouldBe("to");
        // Not for a reader who does not see every task of an unpublished plan, nor for anonymous visitors.
        (await (await Factory.SignedInAsync(DemoAccounts.Reporter)).GetAsync($"/api/v1/plans/{plans.DraftCityPlanId}/diff")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Factory.CreateClient().GetAsync($"/api/v1/plans/{plans.DraftCityPlanId}/diff")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_reader_of_a_draft_shows_a_reporter_of_some_of_its_tasks_those_tasks_and_neither_the_others_nor_the_text()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var tasks = await plans.TasksAsync(plans.DraftCityPlanId);
        var own = tasks.Where(t => t.Assignments.Any(a => a.OrganizationId == education)).ToList();
        var others = tasks.Where(t => t.Assignments.All(a => a.OrganizationId != education)).ToList();
        (own.Count, others.Count).ShouldBeGreaterThan((0, 0));

        var response = await client.GetAsync($"/plans/{plans.DraftCityPlanId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        foreach (var task in own) page.ShouldContain(task.Text);
        foreach (var task in others) page.ShouldNotContain(task.Text);
        // The body around the tasks, and the text as a whole, are not shown either.
        page.ShouldNotContain("为全面提升职业院校办学能力");
        page.ShouldNotContain("倒排工期");
        page.ShouldNotContain("id=\"plan-text\"");
        page.ShouldContain("id=\"partial-notice\"");

        // Whoever reads the draft whole still gets its text: scope 全部, and the city's inspector, every task of whose plans is in scope.
        foreach (var reader in new[] { DemoAccounts.Admin, DemoAccounts.Inspector })
        {
            var whole = WebUtility.HtmlDecode(await (await Factory.SignedInAsync(reader)).GetStringAsync($"/plans/{plans.DraftCityPlanId}"));
            whole.ShouldContain("id=\"plan-text\"");
            whole.ShouldContain("为全面提升职业院校办学能力");
            foreach (var task in others) whole.ShouldContain(task.Text);
            whole.ShouldNotContain("id=\"partial-notice\"");
        }
        (await (await Factory.SignedInAsync(DemoAccounts.Inspector)).GetAsync($"/api/v1/plans/{plans.DraftCityPlanId}/diff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/plans/{plans.DraftCityPlanId}/diff")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_visitors_see_published_plans_only_and_no_tasks()
    {
        var client = Factory.CreateClient();

        PlanIds(await (await client.GetAsync("/api/v1/plans")).JsonAsync()).ShouldBe([plans.PublishedPlanId]);
        (await client.GetAsync($"/api/v1/plans/{plans.DraftCityPlanId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/plans/{plans.DraftCityPlanId}/versions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/plans/{plans.DraftCityPlanId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/tasks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var tasksPage = await client.GetAsync("/tasks");
        tasksPage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        tasksPage.Headers.Location!.OriginalString.ShouldContain("signin");

        var detail = await (await client.GetAsync($"/api/v1/plans/{plans.PublishedPlanId}")).JsonAsync();
        var listed = detail.GetProperty("taskLists").EnumerateArray().SelectMany(l => l.GetProperty("tasks").EnumerateArray()).Select(t => t.GetProperty("id").GetInt64()).OrderBy(id => id);
        listed.ShouldBe(await plans.TaskIdsOfPlansAsync(plans.PublishedPlanId));
        var list = await client.GetStringAsync("/plans");
        list.ShouldContain($"plans/{plans.PublishedPlanId}\"");
        list.ShouldNotContain($"plans/{plans.DraftCityPlanId}\"");
        list.ShouldContain("已发布");
    }

    [Fact]
    public async Task The_plan_reader_marks_every_task_span_and_links_every_task_to_it()
    {
        var client = Factory.CreateClient();
        var tasks = await plans.TasksAsync(plans.PublishedPlanId);

        var response = await client.GetAsync($"/plans/{plans.PublishedPlanId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();

        tasks.ShouldNotBeEmpty();
        foreach (var task in tasks)
        {
            page.ShouldContain($"<mark class=\"task-span\" id=\"t-{task.Id}\"");
            page.ShouldContain($"href=\"plans/{plans.PublishedPlanId}#t-{task.Id}\"");
            page.ShouldContain($"<li class=\"task-item mb-2\" id=\"task-{task.Id}\"");
            page.ShouldContain($"href=\"plans/{plans.PublishedPlanId}#task-{task.Id}\"");
        }
        Regex.Matches(page, "<mark[ >]").Count.ShouldBe(Regex.Matches(page, "</mark>").Count);
    }

    [Fact]
    public async Task Task_filters_sort_and_pages_work()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var all = await AllTasksAsync(client);
        all.Count.ShouldBeGreaterThan(4);

        var ongoing = await AllTasksAsync(client, "&ongoing=true");
        ongoing.ShouldNotBeEmpty();
        ongoing.ShouldAllBe(t => t.GetProperty("ongoing").GetBoolean());

        var dated = all.Where(t => t.GetProperty("due").ValueKind == JsonValueKind.String).Select(t => DateOnly.Parse(t.GetProperty("due").GetString()!)).OrderBy(d => d).ToList();
        dated.Count.ShouldBeGreaterThan(1);
        var (from, to) = (dated[0], dated[^1].AddDays(-1));
        var ranged = await AllTasksAsync(client, $"&dueFrom={from:yyyy-MM-dd}&dueTo={to:yyyy-MM-dd}");
        ranged.Count.ShouldBe(dated.Count(d => d >= from && d <= to));

        // Sorted by due date, tasks without a date last.
        var dues = all.Select(t => t.GetProperty("due").ValueKind == JsonValueKind.String ? DateOnly.Parse(t.GetProperty("due").GetString()!) : DateOnly.MaxValue).ToList();
        dues.ShouldBe(dues.OrderBy(d => d).ToList());

        var byPlan = await AllTasksAsync(client, $"&planId={plans.PublishedPlanId}&sort=number");
        Ids(byPlan).ShouldBe(await plans.TaskIdsOfPlansAsync(plans.PublishedPlanId));

        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var leading = await AllTasksAsync(client, $"&organizationId={education}&role=lead");
        leading.ShouldNotBeEmpty();
        leading.ShouldAllBe(t => t.GetProperty("leads").EnumerateArray().Any(u => u.GetProperty("organizationId").GetInt64() == education));

        var second = await (await client.GetAsync("/api/v1/tasks?pageSize=2&page=2&sort=number")).JsonAsync();
        Ids(second.GetProperty("items").EnumerateArray()).Count.ShouldBe(2);
        second.GetProperty("total").GetInt32().ShouldBe(all.Count);
        second.GetProperty("totalPages").GetInt32().ShouldBe((all.Count + 1) / 2);
    }

    [Theory]
    [InlineData("role=boss", "role")]
    [InlineData("dueFrom=2021-13-01", "dueFrom")]
    [InlineData("dueTo=yesterday", "dueTo")]
    [InlineData("dueFrom=2022-01-01&dueTo=2021-01-01", "dueTo")]
    [InlineData("sort=random", "sort")]
    [InlineData("pageSize=1000", "pageSize")]
    public async Task A_bad_task_filter_is_a_chinese_problem_naming_the_field(string query, string field)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.GetAsync("/api/v1/tasks?" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("title").GetString().ShouldBe("请求参数有误");
    }

    [Fact]
    public async Task A_bad_plan_status_is_a_problem_naming_the_field()
    {
        var response = await Factory.CreateClient().GetAsync("/api/v1/plans?status=secret");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("field").GetString().ShouldBe("status");
    }

    [Fact]
    public async Task The_tasks_page_shows_units_and_chinese_deadlines_and_filters()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var page = await client.GetStringAsync($"/tasks?planId={plans.DraftCityPlanId}&sort=number");

        page.ShouldContain("长期坚持");
        Regex.IsMatch(page, "\\d{4}年\\d{1,2}月\\d{1,2}日").ShouldBeTrue();
        page.ShouldContain("lead-units");
        (await client.GetStringAsync("/tasks?dueFrom=nonsense")).ShouldContain("filter-error");
    }

    [Theory]
    [InlineData("planId=abc")]
    [InlineData("organizationId=1.5")]
    [InlineData("ongoing=maybe")]
    [InlineData("page=first")]
    public async Task A_malformed_number_or_flag_on_the_tasks_page_is_a_filter_error_not_a_failure(string query)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.GetAsync("/tasks?" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("filter-error");
    }

    [Theory]
    [InlineData("planId=abc", "planId")]
    [InlineData("organizationId=1.5", "organizationId")]
    [InlineData("ongoing=maybe", "ongoing")]
    [InlineData("page=first", "page")]
    public async Task A_malformed_number_or_flag_in_the_task_api_is_a_problem_naming_the_field(string query, string field)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.GetAsync("/api/v1/tasks?" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("field").GetString().ShouldBe(field);
    }
}
