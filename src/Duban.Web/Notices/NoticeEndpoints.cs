using Duban.Web.Api;
using Duban.Web.Security;

namespace Duban.Web.Notices;

/// <summary>The 督办通知书 of a 督办单 as .docx (docs/supervision.md, "督办通知书").</summary>
public static class NoticeEndpoints
{
    public static void AddNotices(IServiceCollection services) => services.AddScoped<SupervisionNotice>();

    public static RouteGroupBuilder MapNotices(this RouteGroupBuilder api)
    {
        var notices = api.MapGroup("/supervision-orders").WithTags("督办").RequireAuthorization(DubanPolicies.SignedIn);
        notices.MapGet("/{id:long}/notice.docx", NoticeAsync).WithName("SupervisionOrderNotice").WithSummary("下载督办通知书（.docx）")
            .WithDescription("督办单的正式督办通知书，可打印、盖章后送达：标题、督办〔年〕号、主送单位、督办任务及所属计划、存在问题、回复期限、发文机关和成文日期，"
                             + "版式依 GB/T 9704（仿宋_GB2312 三号正文、方正小标宋简体 二号标题）。看得到该督办单的用户均可下载；数据范围外返回 404。")
            .Produces(StatusCodes.Status200OK, contentType: DocxWriter.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> NoticeAsync(long id, HttpContext context, SupervisionNotice notice, CancellationToken ct) =>
        await notice.WriteAsync(DubanUser.Required(context.User), id, ct) is { } file
            ? TypedResults.File(file.Docx, DocxWriter.ContentType, file.FileName)
            : ApiResults.NotFound("未找到该督办单。");
}
