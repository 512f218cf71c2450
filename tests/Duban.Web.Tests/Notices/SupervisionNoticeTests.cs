using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Web.Demo;
using Duban.Web.Display;
using Duban.Web.Notices;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Notices;

/// <summary>The 督办通知书 of a 督办单: a .docx in the layout of GB/T 9704, read back with the Open XML SDK.</summary>
public sealed class SupervisionNoticeTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private DubanWebFactory Factory => plans.Factory;

    [Theory]
    [InlineData("市职业教育工作领导小组", "清河市", "清河市职业教育工作领导小组办公室")]
    [InlineData("清河市职业教育工作联席会议", "清河市", "清河市职业教育工作联席会议办公室")]
    [InlineData("职业教育改革工作领导小组", "清河市", "清河市职业教育改革工作领导小组办公室")]
    [InlineData("县职业教育工作领导小组办公室", "东湖县", "东湖县职业教育工作领导小组办公室")]
    [InlineData("职业教育工作领导小组", null, "职业教育工作领导小组办公室")]
    public void A_governing_body_signs_as_its_office_named_with_its_place(string body, string? region, string office) =>
        SupervisionNotice.OfficeOf(body, region).ShouldBe(office);

    [Fact]
    public async Task The_notice_of_an_order_holds_its_number_recipient_task_plan_problem_reply_date_and_signature_in_the_official_fonts()
    {
        var task = (await plans.TasksAsync(plans.PublishedPlanId)).First(t => t.Assignments.Any(a => a.Role == Duban.Parsing.Model.UnitRole.Lead));
        var lead = task.Assignments.Where(a => a.Role == Duban.Parsing.Model.UnitRole.Lead).OrderBy(a => a.Id).First();
        var (planTitle, recipient) = await Factory.WithDbAsync(async db => (
            await db.Plans.Where(p => p.Id == plans.PublishedPlanId).Select(p => p.Title).SingleAsync(),
            await db.Organizations.Where(o => o.Id == lead.OrganizationId).Select(o => o.Name).SingleAsync()));
        await Factory.WithDbAsync(async db =>
        {
            db.GoverningBodies.Add(new GoverningBodyRecord { PlanId = plans.PublishedPlanId, Kind = Duban.Parsing.Model.GoverningBodyKind.LeadingGroup, Name = "市职业教育工作领导小组" });
            await db.SaveChangesAsync();
        });
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var replyBy = new DateOnly(2026, 12, 31);
        var issued = await admin.PostAsJsonAsync("/api/v1/supervision-orders",
            new { taskId = task.Id, organizationId = lead.OrganizationId, reason = "实训基地建设进度滞后，未按期完成年度目标", replyBy });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created, await issued.Content.ReadAsStringAsync());
        var order = (await issued.JsonAsync()).GetProperty("order");
        var id = order.GetProperty("id").GetInt64();
        var number = order.GetProperty("number").GetString()!;
        var issuedOn = DateOnly.FromDateTime(ChineseText.ToChinaTime(order.GetProperty("issuedAt").GetDateTimeOffset()).DateTime);

        (await admin.GetStringAsync($"/supervision/{id}")).ShouldContain($"href=\"api/v1/supervision-orders/{id}/notice.docx\"");
        var response = await admin.GetAsync($"/api/v1/supervision-orders/{id}/notice.docx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(DocxWriter.ContentType);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"督办通知书-{number}-{recipient}.docx");

        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        var texts = paragraphs.Select(p => p.InnerText).ToList();

        texts[0].ShouldBe("督办通知书");
        texts[1].ShouldBe(number);
        number.ShouldBe($"督办〔2026〕{id}号");
        texts[2].ShouldBe($"{recipient}：");
        texts[3].ShouldContain($"《{planTitle}》");
        texts[3].ShouldContain("牵头单位");
        texts.ShouldContain("一、督办任务");
        texts.ShouldContain($"任务{task.No}：{task.Text}");
        texts.ShouldContain("二、存在问题");
        texts.ShouldContain("实训基地建设进度滞后，未按期完成年度目标。");
        texts.ShouldContain("三、办理要求");
        texts.Single(t => t.StartsWith("请你单位高度重视")).ShouldContain("于2026年12月31日前");
        texts[^2].ShouldBe("清河市职业教育工作领导小组办公室");
        texts[^1].ShouldBe(ChineseText.Date(issuedOn));

        // GB/T 9704: 方正小标宋简体 二号 title centred, 仿宋_GB2312 三号 body, A4, the page number at the foot.
        RunProperties Run(int i) => paragraphs[i].Descendants<RunProperties>().First();
        (Run(0).RunFonts!.EastAsia!.Value, Run(0).FontSize!.Val!.Value).ShouldBe(("方正小标宋简体", "44"));
        paragraphs[0].ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Center);
        var body = texts.FindIndex(t => t.StartsWith("请你单位"));
        (Run(body).RunFonts!.EastAsia!.Value, Run(body).FontSize!.Val!.Value).ShouldBe(("仿宋_GB2312", "32"));
        paragraphs[body].ParagraphProperties!.Indentation!.FirstLine!.Value.ShouldBe("640");
        Run(texts.IndexOf("一、督办任务")).RunFonts!.EastAsia!.Value.ShouldBe("黑体");
        paragraphs[^1].ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Right);
        var page = document.MainDocumentPart.Document.Body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        (page.Width!.Value, page.Height!.Value).ShouldBe((11906U, 16838U));
        document.MainDocumentPart.FooterParts.Single().Footer.InnerText.ShouldContain("PAGE");
        document.MainDocumentPart.FontTablePart!.Fonts.Elements<Font>().Select(f => f.Name!.Value).ShouldContain("仿宋_GB2312");
    }

    [Fact]
    public async Task Whoever_reads_the_order_may_download_its_notice_and_nobody_else()
    {
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var assignment = await Factory.WithDbAsync(db => db.Assignments.AsNoTracking()
            .Where(a => a.OrganizationId == education && a.Task!.PlanId == plans.PublishedPlanId)
            .Where(a => !db.Set<Duban.Core.Tracking.Supervision.SupervisionOrder>().Any(o => o.TaskId == a.TaskId && o.OrganizationId == education))
            .OrderByDescending(a => a.Id).FirstAsync());
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var issued = await admin.PostAsJsonAsync("/api/v1/supervision-orders", new { taskId = assignment.TaskId, organizationId = education, reason = "请说明进展。" });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created, await issued.Content.ReadAsStringAsync());
        var id = (await issued.JsonAsync()).GetProperty("order").GetProperty("id").GetInt64();
        var path = $"/api/v1/supervision-orders/{id}/notice.docx";

        (await (await Factory.SignedInAsync(DemoAccounts.Reporter)).GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await Factory.SignedInAsync(DemoAccounts.Inspector)).GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Factory.CreateUserAsync("notice-finance", "notice-password-1", Role.Reporter, DataScope.Own, await Factory.OrganizationIdAsync(DemoSeeder.CityFinance));
        (await (await Factory.SignedInAsync("notice-finance", "notice-password-1")).GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Factory.CreateClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetAsync("/api/v1/supervision-orders/999999/notice.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
