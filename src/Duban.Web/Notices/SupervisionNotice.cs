using Duban.Core.Tracking.Status;
using Duban.Core.Tracking.Supervision;
using Duban.Data;
using Duban.Web.Display;
using Duban.Web.Plans;
using Duban.Web.Security;
using Duban.Web.Supervision;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Notices;

/// <summary>What a 督办通知书 says: the order, its organisation's part in the task, the plan, and who issues it when.</summary>
/// <param name="Deadline">The task's deadline as the list shows it (2021年7月31日, 长期坚持, or as written).</param>
/// <param name="IssuingOffice">The office that signs it (see <see cref="SupervisionNotice.IssuingOfficeAsync"/>).</param>
public sealed record NoticeFacts(
    string Number, string Recipient, string PlanTitle, string? PlanDocNumber, string TaskNo, string TaskText, string Deadline, UnitRole Role,
    string Reason, DateOnly ReplyBy, string IssuingOffice, DateOnly IssuedOn)
{
    /// <summary>An order on a late 备案: its 事项 (《plan》一县一案实施方案备案); the task fields are then empty and <see cref="Deadline"/> is the filing's due date.</summary>
    public string? FilingSubject { get; init; }
}

/// <summary>
/// The 督办通知书: the formal, printable notice of a 督办单, to be stamped and sent to the organisation
/// (docs/supervision.md, "督办通知书"). Whoever reads the order may download it; it writes nothing.
/// </summary>
public sealed class SupervisionNotice(DubanDbContext db, SupervisionQueries orders, PlanQueries plans)
{
    public const string Title = "督办通知书";

    /// <summary>The notice of an order the user sees, or null (not found, or outside the user's scope).</summary>
    public async Task<(byte[] Docx, string FileName)?> WriteAsync(DubanUser user, long orderId, CancellationToken ct)
    {
        if (await FactsAsync(user, orderId, ct) is not { } facts) return null;
        return (DocxWriter.Write(Compose(facts)), $"督办通知书-{facts.Number}-{facts.Recipient}.docx");
    }

    public async Task<NoticeFacts?> FactsAsync(DubanUser user, long orderId, CancellationToken ct)
    {
        if (await orders.GetAsync(user, orderId, ct) is not { } detail) return null;
        var o = detail.Order;
        if (o.FilingId is { } filingId) return await FilingFactsAsync(o, filingId, ct);
        var task = await plans.GetTaskAsync(user, o.TaskId!.Value, ct, includeRetired: true);
        var stored = await db.Set<SupervisionOrder>().AsNoTracking().Where(x => x.Id == orderId)
            .Select(x => new { x.AssignmentId, x.IssuedById }).SingleAsync(ct);
        var role = await db.Assignments.Where(a => a.Id == stored.AssignmentId).Select(a => a.Role).SingleOrDefaultAsync(ct);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == o.PlanId)
            .Select(p => new { p.Id, p.Title, p.DocNumber, p.Issuer, RegionName = p.Region == null ? null : p.Region.Name }).SingleAsync(ct);
        var office = await IssuingOfficeAsync(plan.Id, plan.RegionName, plan.Issuer, stored.IssuedById, ct);
        return new NoticeFacts(o.Number, o.OrganizationName, plan.Title, plan.DocNumber, o.TaskNo ?? "", task?.Text ?? o.TaskText ?? "",
            task is null ? "" : PlanText.Deadline(task), role, o.Reason, o.ReplyBy, office,
            DateOnly.FromDateTime(ChineseText.ToChinaTime(o.IssuedAt).DateTime));
    }

    /// <summary>The notice of an order on a late 备案: the plan that required it, the filing's due date, the 事项.</summary>
    private async Task<NoticeFacts> FilingFactsAsync(OrderSummary o, long filingId, CancellationToken ct)
    {
        var due = await db.Set<Core.Cascade.Filing>().Where(f => f.Id == filingId)
            .Join(db.Set<Core.Cascade.FilingRequirement>(), f => f.RequirementId, r => r.Id, (f, r) => r.Due).SingleAsync(ct);
        var issuedById = await db.Set<SupervisionOrder>().Where(x => x.Id == o.Id).Select(x => x.IssuedById).SingleAsync(ct);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == o.PlanId)
            .Select(p => new { p.Id, p.Title, p.DocNumber, p.Issuer, RegionName = p.Region == null ? null : p.Region.Name }).SingleAsync(ct);
        var office = await IssuingOfficeAsync(plan.Id, plan.RegionName, plan.Issuer, issuedById, ct);
        return new NoticeFacts(o.Number, o.OrganizationName, plan.Title, plan.DocNumber, "", "", due is { } d ? ChineseText.Date(d) : "", UnitRole.Lead, o.Reason, o.ReplyBy,
            office, DateOnly.FromDateTime(ChineseText.ToChinaTime(o.IssuedAt).DateTime)) { FilingSubject = o.Subject };
    }

    /// <summary>
    /// Who signs: the office of the plan's leading group or joint meeting (清河市职业教育工作领导小组办公室), which is the
    /// body that supervises a plan; without one, the organisation of the administrator who issued the order by hand; then
    /// the plan's issuer (发文机关); failing all, 督办工作办公室, for the office to correct before stamping.
    /// </summary>
    public async Task<string> IssuingOfficeAsync(long planId, string? regionName, string? issuer, long? issuedById, CancellationToken ct)
    {
        var body = await db.GoverningBodies.AsNoTracking().Where(b => b.PlanId == planId).OrderBy(b => b.Kind).ThenBy(b => b.Id).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (!string.IsNullOrWhiteSpace(body)) return OfficeOf(body.Trim(), regionName);
        if (issuedById is { } userId
            && await db.Users.Where(u => u.Id == userId).Join(db.Organizations, u => u.OrganizationId, o => (long?)o.Id, (u, o) => o.Name).FirstOrDefaultAsync(ct) is { Length: > 0 } organization)
            return organization;
        if (!string.IsNullOrWhiteSpace(issuer)) return issuer.Trim();
        return "督办工作办公室";
    }

    /// <summary>A governing body's office, named with its place: 市职业教育工作领导小组 of 清河市 → 清河市职业教育工作领导小组办公室.</summary>
    public static string OfficeOf(string body, string? regionName)
    {
        var name = body;
        if (regionName is { Length: > 0 } region && !name.StartsWith(region, StringComparison.Ordinal))
            // 省、市、县、区 standing for the place itself (市职业教育…) give way to its name.
            name = region + (name.Length > 1 && "省市县区".Contains(name[0]) && region.EndsWith(name[0]) ? name[1..] : name);
        return name.EndsWith("办公室", StringComparison.Ordinal) ? name : name + "办公室";
    }

    /// <summary>The notice's paragraphs, in the order and words a 督办通知书 uses.</summary>
    public static OfficialDocument Compose(NoticeFacts f)
    {
        var plan = $"《{f.PlanTitle}》" + (string.IsNullOrWhiteSpace(f.PlanDocNumber) ? "" : $"（{f.PlanDocNumber}）");
        var role = f.Role == UnitRole.Lead ? "牵头单位" : "配合单位";
        var deadline = string.IsNullOrWhiteSpace(f.Deadline) || f.Deadline == "—" ? "" : $"，完成时限为{f.Deadline}";
        var reason = f.Reason.Trim();
        if (f.FilingSubject is { } subject)
            return new OfficialDocument(Title,
            [
                new(DocumentPart.Title, Title),
                new(DocumentPart.Number, f.Number),
                new(DocumentPart.Recipient, $"{f.Recipient}："),
                new(DocumentPart.Body, $"根据{plan}的要求，你单位应{(string.IsNullOrWhiteSpace(f.Deadline) ? "" : $"于{f.Deadline}前")}制定实施方案并报备。经跟踪督查，你单位逾期未报备，现予督办。"),
                new(DocumentPart.Heading, "一、督办事项"),
                new(DocumentPart.Body, subject),
                new(DocumentPart.Heading, "二、存在问题"),
                new(DocumentPart.Body, reason.EndsWith('。') ? reason : reason + "。"),
                new(DocumentPart.Heading, "三、办理要求"),
                new(DocumentPart.Body, $"请你单位高度重视，抓紧制定并报备实施方案，于{ChineseText.Date(f.ReplyBy)}前"
                    + "通过督办平台回复整改措施，或书面报送督办机关。逾期未回复的，将依照规定予以催办、约谈或通报。"),
                new(DocumentPart.Signature, f.IssuingOffice),
                new(DocumentPart.Date, ChineseText.Date(f.IssuedOn)),
            ]);
        return new OfficialDocument(Title,
        [
            new(DocumentPart.Title, Title),
            new(DocumentPart.Number, f.Number),
            new(DocumentPart.Recipient, $"{f.Recipient}："),
            new(DocumentPart.Body, $"根据{plan}的任务分工，你单位为以下任务的{role}{deadline}。经跟踪督查，该任务存在下列问题，现予督办。"),
            new(DocumentPart.Heading, "一、督办任务"),
            new(DocumentPart.Body, string.IsNullOrWhiteSpace(f.TaskNo) ? f.TaskText : $"任务{f.TaskNo.Trim()}：{f.TaskText}"),
            new(DocumentPart.Heading, "二、存在问题"),
            new(DocumentPart.Body, reason.EndsWith('。') ? reason : reason + "。"),
            new(DocumentPart.Heading, "三、办理要求"),
            new(DocumentPart.Body, $"请你单位高度重视，认真查找原因，制定切实可行的整改措施，明确新的完成时间，于{ChineseText.Date(f.ReplyBy)}前"
                + "通过督办平台回复整改措施，或书面报送督办机关。逾期未回复的，将依照规定予以催办、约谈或通报。"),
            new(DocumentPart.Signature, f.IssuingOffice),
            new(DocumentPart.Date, ChineseText.Date(f.IssuedOn)),
        ]);
    }
}
