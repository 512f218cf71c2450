using System.Net;
using Duban.Core.Plans;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Supervision;
using Duban.Data.Supervision;
using Duban.Data.Tracking;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Batch;

/// <summary>
/// Lists that act: 批量通过 / 退回 on the review queue and 批量办结 on the 督办单 list — ticked boxes, a confirmation,
/// then each item checked and done on its own, with a result per item (docs/web.md, "Batch actions").
/// </summary>
public sealed class BatchActionsTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private DubanWebFactory Factory => plans.Factory;

    private Task<List<long>> SubmittedReportsAsync(int count, DateOnly month) => SubmittedReports.CreateAsync(Factory, plans.PublishedPlanId, count, month);

    [Fact]
    public async Task A_batch_approval_of_ten_reports_asks_for_confirmation_then_approves_each_audited()
    {
        var ids = await SubmittedReportsAsync(10, new DateOnly(2026, 9, 1));
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        var queue = await admin.GetStringAsync("/review");
        queue.ShouldContain("action=\"review/batch\"");
        foreach (var id in ids) queue.ShouldContain($"name=\"ids\" value=\"{id}\" form=\"batch-review\"");

        // Step one: the ticked reports and the decision are shown back for confirmation; nothing is written yet.
        var confirmation = await BatchForms.SelectAsync(admin, "/review", "batch-review", "/review/batch", ids, ("decision", "approved"));
        confirmation.StatusCode.ShouldBe(HttpStatusCode.OK);
        var confirm = await confirmation.Content.ReadAsStringAsync();
        confirm.ShouldContain("id=\"batch-confirm\"");
        BatchForms.Items(confirm, "actionable").ShouldBe(ids.ToDictionary(id => id, _ => true));
        (await Factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => ids.Contains(r.Id) && r.Status == ReportStatus.Submitted))).ShouldBe(10);
        (await Factory.WithDbAsync(db => db.Reviews.CountAsync(r => ids.Contains(r.ReportId)))).ShouldBe(0);

        // Step two: each report is approved, with a result per report.
        var executed = await BatchForms.ConfirmAsync(admin, confirm, "batch-review-form", "/review/batch");
        executed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await executed.Content.ReadAsStringAsync();
        BatchForms.Items(result, "done").ShouldBe(ids.ToDictionary(id => id, _ => true));
        result.ShouldContain("共 10 项：10 项已处理");

        (await Factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => ids.Contains(r.Id) && r.Status == ReportStatus.Approved))).ShouldBe(10);
        (await Factory.WithDbAsync(db => db.Reviews.CountAsync(r => ids.Contains(r.ReportId) && r.Decision == ReviewDecision.Approved))).ShouldBe(10);
        var audited = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == TrackingAuditActions.ReportReview).Select(a => a.EntityId).ToListAsync());
        ids.Select(id => id.ToString()).ShouldAllBe(id => audited.Contains(id));
        (await admin.GetStringAsync("/review")).ShouldNotContain($"data-report=\"{ids[0]}\"");
    }

    [Fact]
    public async Task A_batch_return_needs_a_comment_and_refuses_item_by_item_what_changed_or_is_no_longer_waiting()
    {
        var ids = await SubmittedReportsAsync(4, new DateOnly(2026, 10, 1));
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        var noComment = await BatchForms.SelectAsync(admin, "/review", "batch-review", "/review/batch", ids, ("decision", "returned"));
        noComment.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noComment.Content.ReadAsStringAsync()).ShouldContain("批量退回时必须填写退回意见");
        var nothing = await BatchForms.SelectAsync(admin, "/review", "batch-review", "/review/batch", [], ("decision", "approved"));
        nothing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // One is approved before the batch; it is shown as not to be handled.
        var approvedFirst = ids[0];
        var single = await Browser.SubmitAsync(admin, "/review", new Dictionary<string, string>
        {
            ["decision"] = "approved",
            ["version"] = (await Factory.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == approvedFirst).Select(r => r.Version).SingleAsync())).ToString(),
        }, formName: $"review-{approvedFirst}");
        single.StatusCode.ShouldBe(HttpStatusCode.OK);
        var confirmation = await BatchForms.SelectAsync(admin, "/review", "batch-review", "/review/batch", ids, ("decision", "returned"), ("comment", "请补充佐证材料。"));
        var confirm = await confirmation.Content.ReadAsStringAsync();
        var actionable = BatchForms.Items(confirm, "actionable");
        actionable[approvedFirst].ShouldBeFalse();
        actionable.Where(a => a.Key != approvedFirst).ShouldAllBe(a => a.Value);

        // Another one changes between the confirmation and its execution: refused, not returned unseen.
        var changed = ids[1];
        await Factory.WithDbAsync(async db =>
        {
            var report = await db.ProgressReports.SingleAsync(r => r.Id == changed);
            report.Version = Guid.NewGuid();
            await db.SaveChangesAsync();
        });
        var result = await (await BatchForms.ConfirmAsync(admin, confirm, "batch-review-form", "/review/batch")).Content.ReadAsStringAsync();
        var done = BatchForms.Items(result, "done");
        done.ShouldBe(new Dictionary<long, bool> { [ids[0]] = false, [ids[1]] = false, [ids[2]] = true, [ids[3]] = true });
        result.ShouldContain("该报告已审核通过");
        result.ShouldContain("确认之后该报告已被修改或审核");

        var statuses = await Factory.WithDbAsync(db => db.ProgressReports.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Status));
        statuses.ShouldBe(new Dictionary<long, ReportStatus>
            { [ids[0]] = ReportStatus.Approved, [ids[1]] = ReportStatus.Submitted, [ids[2]] = ReportStatus.Returned, [ids[3]] = ReportStatus.Returned });
        (await Factory.WithDbAsync(db => db.Reviews.Where(r => r.ReportId == ids[2] || r.ReportId == ids[3]).Select(r => r.Comment).ToListAsync()))
            .ShouldBe(["请补充佐证材料。", "请补充佐证材料。"]);
    }

    [Fact]
    public async Task A_batch_close_closes_the_answered_orders_and_those_without_a_reply_only_when_told_so()
    {
        var (answered, silent) = await Factory.WithDbAsync(async db =>
        {
            var assignments = await db.Assignments.AsNoTracking().Where(a => a.Task!.PlanId == plans.DraftCityPlanId).OrderBy(a => a.Id).Take(2).ToListAsync();
            SupervisionOrder Order(Assignment a, OrderStatus status) => new()
            {
                Number = $"督办〔2026〕B{a.Id}号", TaskId = a.TaskId, AssignmentId = a.Id, OrganizationId = a.OrganizationId, Reason = "批量办结测试",
                IssuedAt = DateTimeOffset.UtcNow, IssuedByName = "sample", ReplyBy = new DateOnly(2026, 12, 20), Status = status, Origin = OrderOrigin.Manual,
                IdempotencyKey = "batch-test:" + Guid.NewGuid().ToString("N"),
            };
            var first = Order(assignments[0], OrderStatus.Answered);
            var second = Order(assignments[1], OrderStatus.Open);
            first.Rectifications.Add(new Rectification { Number = 1, Measures = "已完成整改。", NewDate = new DateOnly(2026, 12, 31), AuthorId = 1, AuthorName = "填报员", CreatedAt = DateTimeOffset.UtcNow });
            db.AddRange(first, second);
            await db.SaveChangesAsync();
            return (first.Id, second.Id);
        });
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var list = await admin.GetStringAsync("/supervision?status=all");
        list.ShouldContain($"name=\"ids\" value=\"{answered}\" form=\"batch-close\"");

        var confirmation = await BatchForms.SelectAsync(admin, "/supervision?status=all", "batch-close", "/supervision/batch", [answered, silent], ("comment", "整改到位，予以办结。"));
        var confirm = await confirmation.Content.ReadAsStringAsync();
        BatchForms.Items(confirm, "actionable").ShouldBe(new Dictionary<long, bool> { [answered] = true, [silent] = false });
        confirm.ShouldContain("未回复的也直接办结");
        var result = await (await BatchForms.ConfirmAsync(admin, confirm, "batch-close-form", "/supervision/batch")).Content.ReadAsStringAsync();
        BatchForms.Items(result, "done").ShouldBe(new Dictionary<long, bool> { [answered] = true, [silent] = false });
        result.ShouldContain($"href=\"supervision/{answered}\"");

        var stored = await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.Id == answered || o.Id == silent).ToDictionaryAsync(o => o.Id, o => o.Status));
        stored.ShouldBe(new Dictionary<long, OrderStatus> { [answered] = OrderStatus.Closed, [silent] = OrderStatus.Open });
        (await Factory.WithDbAsync(db => db.Set<OrderReview>().Where(r => r.OrderId == answered).Select(r => r.RectificationNumber).SingleAsync())).ShouldBe(1);
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == SupervisionAuditActions.OrderClose && a.EntityId == answered.ToString()))).ShouldBe(1);

        // Told to close without a reply, the office closes the silent one too.
        var again = await BatchForms.SelectAsync(admin, "/supervision?status=all", "batch-close", "/supervision/batch", [silent],
            ("comment", "任务已完成，无需回复。"), ("withoutReply", "true"));
        var second = await (await BatchForms.ConfirmAsync(admin, await again.Content.ReadAsStringAsync(), "batch-close-form", "/supervision/batch")).Content.ReadAsStringAsync();
        BatchForms.Items(second, "done").ShouldBe(new Dictionary<long, bool> { [silent] = true });
        (await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.Id == silent).Select(o => o.Status).SingleAsync())).ShouldBe(OrderStatus.Closed);
    }

    [Fact]
    public async Task The_batch_pages_say_what_to_do_when_opened_directly_and_refuse_other_roles()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        (await admin.GetStringAsync("/review/batch")).ShouldContain("id=\"batch-empty\"");
        (await admin.GetStringAsync("/supervision/batch")).ShouldContain("id=\"batch-empty\"");
        var inspector = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var denied = await inspector.GetAsync("/review/batch");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.OriginalString.ShouldContain("denied");
    }
}
