using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Duban.Core.Notifications;

/// <summary>Something that happened, to be sent to the webhook endpoints that accept its kind.</summary>
/// <param name="Id">The idempotency key of the event: the same event is queued once per endpoint.</param>
/// <param name="Data">Extra fields for machine receivers (task id, organisation…), or null.</param>
public sealed record WebhookEvent(string Id, string Kind, DateTimeOffset OccurredAt, string Title, string Body, string? Link, JsonObject? Data = null);

/// <summary>Turns an event into the body an endpoint of a given format expects.</summary>
public static class WebhookPayload
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Chinese as it is: the robots show it, and people read payloads in the delivery log.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Format(WebhookEvent e, WebhookFormat format, string? baseUrl = null) => format switch
    {
        WebhookFormat.Duban => Serialize(new JsonObject
        {
            ["id"] = e.Id,
            ["kind"] = e.Kind,
            ["occurredAt"] = e.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["title"] = e.Title,
            ["body"] = e.Body,
            ["link"] = Absolute(e.Link, baseUrl),
            ["data"] = e.Data?.DeepClone(),
        }),
        // Both robots take the same plain-text message; they differ in how they authenticate (企业微信 by the key in
        // the URL, 钉钉 by a keyword, an IP list or its own signature in the URL), which the URL carries.
        WebhookFormat.WeCom or WebhookFormat.DingTalk => Serialize(new JsonObject
        {
            ["msgtype"] = "text",
            ["text"] = new JsonObject { ["content"] = Text(e, baseUrl) },
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The message as a chat robot shows it: 【kind】title, the body, and the link.</summary>
    public static string Text(WebhookEvent e, string? baseUrl = null)
    {
        var text = $"【{NotificationKinds.Describe(e.Kind)}】{e.Title}\n{e.Body}";
        return Absolute(e.Link, baseUrl) is { } link ? text + "\n" + link : text;
    }

    private static string? Absolute(string? link, string? baseUrl) =>
        link is null || baseUrl is null ? link : baseUrl.TrimEnd('/') + "/" + link.TrimStart('/');

    private static string Serialize(JsonObject json) => json.ToJsonString(Options);
}
