using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Supervision;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Batch;

/// <summary>
/// 批量审核 and 批量办结 through /api/v1: each item at the version the client read, a result per item, and a batch naming
/// anything the caller does not answer for refused whole with nothing written.
/// </summary>
public sealed class BatchApiTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private DubanWebFactory Factory => plans.Factory;

    private Task<Dictionary<long, Guid>> VersionsAsync(IReadOnlyList<long> ids) =>
        Factory.WithDbAsync(db => db.ProgressReports.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Version));

    private static object Items(IEnumerable<KeyValuePair<long, Guid>> versions) => versions.Select(v => new { id = v.Key, version = $"\"{v.Value:N}\"" }).ToList();

    [Fact]
    public async Task Reports_are_reviewed_in_a_batch_each_at_the_version_read_with_a_result_each()
    {
        var ids = await SubmittedReports.CreateAsync(Factory, plans.PublishedPlanId, 3, new DateOnly(2026, 6, 1));
        var versions = await VersionsAsync(ids);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/reports/batch-review", new { items = Items(ids.Select(id => KeyValuePair.Create(id, versions[id]))), decision = "approved" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("done").GetInt32().ShouldBe(3);
        body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldBe(ids);
        (await Factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => ids.Contains(r.Id) && r.Status == ReportStatus.Approved))).ShouldBe(3);
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == Duban.Data.Tracking.TrackingAuditActions.ReportReview && ids.Select(i => i.ToString()).Contains(a.EntityId!))))
            .ShouldBe(3);

        // The same batch again: every item refused by the data (reviewed since), none done, nothing else changed.
        var again = await (await admin.PostAsJsonAsync("/api/v1/reports/batch-review", new { items = Items(versions), decision = "returned", comment = "再次退回" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("done").GetInt32().ShouldBe(0);
        again.GetProperty("refused").GetInt32().ShouldBe(3);
        again.GetProperty("items").EnumerateArray().ShouldAllBe(i => !i.GetProperty("done").GetBoolean() && i.GetProperty("message").GetString()!.Length > 0);
        (await Factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => ids.Contains(r.Id) && r.Status == ReportStatus.Approved))).ShouldBe(3);
    }

    [Theory]
    [InlineData("""{"items":[],"decision":"approved"}""", "items")]
    [InlineData("""{"items":[{"id":1,"version":"\"0123456789abcdef0123456789abcdef\""},{"id":1,"version":"\"0123456789abcdef0123456789abcdef\""}],"decision":"approved"}""", "items[1].id")]
    [InlineData("""{"items":[{"id":1,"version":"最新"}],"decision":"approved"}""", "items[0].version")]
    [InlineData("""{"items":[{"id":0,"version":"\"0123456789abcdef0123456789abcdef\""}],"decision":"approved"}""", "items[0].id")]
    [InlineData("""{"items":[{"id":1,"version":"\"0123456789abcdef0123456789abcdef\""}]}""", "decision")]
    public async Task A_malformed_batch_is_refused_naming_the_field(string json, string field)
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var response = await admin.PostAsync("/api/v1/reports/batch-review", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(field);
    }

    [Fact]
    public async Task A_batch_naming_a_report_the_caller_does_not_answer_for_is_refused_whole()
    {
        var ids = await SubmittedReports.CreateAsync(Factory, plans.PublishedPlanId, 2, new DateOnly(2026, 7, 1));
        var versions = await VersionsAsync(ids);
        // An administrator of a county the reports' organisations are not in.
        var (region, organizationRegions) = await Factory.WithDbAsync(async db =>
        {
            var used = await db.ProgressReports.Where(r => ids.Contains(r.Id)).Select(r => r.Assignment!.Organization!.RegionId).ToListAsync();
            var county = await db.Regions.Where(r => r.Name == "南岭县").Select(r => r.Id).SingleAsync();
            return (county, used);
        });
        organizationRegions.ShouldNotContain(region);
        const string name = "batch-api-county-admin";
        await Factory.CreateUserAsync(name, name + "-password", Role.Admin, DataScope.RegionAndBelow, regionId: region);
        var county = await Factory.SignedInAsync(name, name + "-password");

        var response = await county.PostAsJsonAsync("/api/v1/reports/batch-review", new { items = Items(versions), decision = "approved" });
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("本批未处理任何一项");
        (await Factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => ids.Contains(r.Id) && r.Status == ReportStatus.Submitted))).ShouldBe(2);
    }

    [Fact]
    public async Task Orders_are_closed_in_a_batch_those_without_a_reply_only_when_told_so()
    {
        var orders = await Factory.WithDbAsync(async db =>
        {
            var assignments = await db.Assignments.AsNoTracking().Where(a => a.Task!.PlanId == plans.DraftCityPlanId).OrderByDescending(a => a.Id).Take(2).ToListAsync();
            var made = assignments.Select(a => new SupervisionOrder
            {
                Number = $"督办〔2026〕A{a.Id}号", TaskId = a.TaskId, AssignmentId = a.Id, OrganizationId = a.OrganizationId, Reason = "接口批量办结测试",
                IssuedAt = DateTimeOffset.UtcNow, IssuedByName = "sample", ReplyBy = new DateOnly(2026, 12, 20), Status = OrderStatus.Open, Origin = OrderOrigin.Manual,
                IdempotencyKey = "batch-api-test:" + Guid.NewGuid().ToString("N"),
            }).ToList();
            db.AddRange(made);
            await db.SaveChangesAsync();
            return made.ToDictionary(o => o.Id, o => o.Version);
        });
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        var unanswered = await (await admin.PostAsJsonAsync("/api/v1/supervision-orders/batch-close", new { items = Items(orders), comment = "办结" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        unanswered.GetProperty("done").GetInt32().ShouldBe(0);
        unanswered.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("message").GetString()!.Contains("没有待审核的整改回复"));

        var closed = await admin.PostAsJsonAsync("/api/v1/supervision-orders/batch-close", new { items = Items(orders), comment = "情况已核实，予以办结。", withoutReply = true });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("done").GetInt32().ShouldBe(2);
        (await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().CountAsync(o => orders.Keys.Contains(o.Id) && o.Status == OrderStatus.Closed))).ShouldBe(2);
    }
}
