using Duban.Data.Notifications;
using Duban.Web.Audit;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Actor = Duban.Data.Audit.Actor;

namespace Duban.Web.Calendar;

/// <summary>
/// The feed itself (GET /calendar/{secret}.ics, anonymous: the secret is the credential) and the user's own
/// subscription under /api/v1/me/calendar-feed (docs/calendar.md).
/// </summary>
public static class CalendarEndpoints
{
    public const string NotFoundText = "未找到该日历订阅：地址有误、已停用或已重新生成。请在督办系统“我的账户”中查看订阅地址。";

    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<CalendarFeedBuilder>();
        services.AddScoped<OpenTasks>();
        services.AddCalendarSource<TaskDeadlineEvents>();
        services.AddCalendarSource<ReportWindowEvents>();
        services.AddCalendarSource<OrderReplyEvents>();
        return services;
    }

    /// <summary>One more kind of entry in every feed (meetings, filings…): the feed asks each source in the order registered.</summary>
    public static IServiceCollection AddCalendarSource<T>(this IServiceCollection services) where T : class, ICalendarEventSource =>
        services.AddScoped<ICalendarEventSource, T>();

    public static void MapCalendarFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{token}.ics", FeedAsync).AllowAnonymous().ExcludeFromDescription();

    public static void MapCalendarApi(RouteGroupBuilder api)
    {
        var feed = api.MapGroup("/me/calendar-feed").WithTags("日历订阅").RequireAuthorization(DubanPolicies.SignedIn);
        feed.MapGet("", GetAsync).WithName("GetCalendarFeed").WithSummary("本人的日历订阅")
            .WithDescription("是否有有效的订阅地址、生成时间、最近被读取的时间。地址本身只在生成时返回一次。");
        feed.MapPost("", CreateAsync).WithName("CreateCalendarFeed").WithSummary("生成或重新生成日历订阅地址")
            .WithDescription("返回新的订阅地址（url，及 webcal:// 形式的 webcalUrl），只返回这一次；原有地址立即失效。"
                             + "订阅内容为本人的任务完成时限、填报截止日、督办单回复期限（RFC 5545 iCalendar）。");
        feed.MapDelete("", RevokeAsync).WithName("RevokeCalendarFeed").WithSummary("停用日历订阅地址")
            .WithDescription("停用后该地址返回 404；可随时重新生成新地址。");
        api.MapDelete("/users/{id:long}/calendar-feed", RevokeForAsync).WithTags("日历订阅").RequireAuthorization(DubanPolicies.Admin)
            .WithName("RevokeUserCalendarFeed").WithSummary("停用某用户的日历订阅地址（管理员）")
            .WithDescription("管理员停用其管理范围内某用户的订阅地址（例如地址外泄而本人无法登录时）；范围外的用户返回 404。")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The site's public address ending in "/": Webhooks:PublicBaseUrl when configured, else the request's own.</summary>
    public static string SiteAddress(HttpRequest request, WebhookOptions options)
    {
        var configured = options.PublicBaseUrl?.Trim();
        if (!string.IsNullOrEmpty(configured) && Uri.TryCreate(configured, UriKind.Absolute, out _))
            return configured.EndsWith('/') ? configured : configured + "/";
        return $"{request.Scheme}://{request.Host}{request.PathBase}/";
    }

    private static async Task<IResult> FeedAsync(string token, HttpContext context, CalendarFeeds feeds, CalendarFeedBuilder builder,
        UserPrincipalFactory principals, WebhookOptions options, CancellationToken ct)
    {
        var owner = await feeds.OwnerAsync(token, ct);
        if (owner is null) return TypedResults.Text(NotFoundText, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        // The owner's role and scope as they are now: a feed follows the account, not the moment its address was made.
        var user = DubanUser.Required(await principals.CreateAsync(owner, "CalendarFeed", ct));
        var document = await builder.BuildAsync(user, SiteAddress(context.Request, options), ct);
        var headers = context.Response.Headers;
        headers.CacheControl = "private, no-cache";
        headers.ETag = document.ETag;
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == document.ETag)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        headers[HeaderNames.ContentDisposition] = "inline; filename=\"duban.ics\"";
        return TypedResults.Text(document.Text, CalendarFeedWriter.MediaType);
    }

    private static async Task<Ok<CalendarFeedView>> GetAsync(HttpContext context, CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Ok(await feeds.GetAsync(DubanUser.Required(context.User), ct));

    private static async Task<Ok<NewCalendarFeed>> CreateAsync(HttpContext context, CalendarFeeds feeds, WebhookOptions options, CancellationToken ct) =>
        TypedResults.Ok(await feeds.CreateAsync(DubanUser.Required(context.User), Actor.From(context), SiteAddress(context.Request, options), ct));

    private static async Task<Results<Ok<CalendarFeedView>, ProblemHttpResult>> RevokeForAsync(long id, HttpContext context, CalendarFeeds feeds, CancellationToken ct) =>
        await feeds.RevokeForAsync(DubanUser.Required(context.User), Actor.From(context), id, ct) is { } revoked
            ? TypedResults.Ok(revoked)
            : Duban.Web.Api.ApiResults.NotFound("未找到该用户。");

    private static async Task<Ok<CalendarFeedView>> RevokeAsync(HttpContext context, CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Ok(await feeds.RevokeAsync(DubanUser.Required(context.User), Actor.From(context), ct));
}
