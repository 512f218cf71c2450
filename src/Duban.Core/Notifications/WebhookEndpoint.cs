namespace Duban.Core.Notifications;

/// <summary>An address the administrator configured to receive events as signed JSON POSTs.</summary>
public sealed class WebhookEndpoint
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Absolute http or https URL.</summary>
    public required string Url { get; set; }

    /// <summary>The HMAC key; shown once when created, never returned afterwards.</summary>
    public required string Secret { get; set; }

    /// <summary>Comma-separated event kinds to send; empty means every kind.</summary>
    public string EventKinds { get; set; } = "";

    public WebhookFormat Format { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Personal delivery: instead of one message per event (a group robot), one message per recipient of a
    /// notification who asked for its kind outside the site, naming the recipient — for a relay that knows each
    /// person's mailbox or 企业微信 account. Such an endpoint receives no group events.
    /// </summary>
    public bool Personal { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<string> Kinds => WebhookKinds.Parse(EventKinds);

    public bool Accepts(string kind) => Kinds.Count == 0 || Kinds.Contains(kind, StringComparer.Ordinal);
}

/// <summary>The body an endpoint receives: Duban's own event JSON, or a chat robot's message format.</summary>
public enum WebhookFormat
{
    /// <summary>{"id","kind","occurredAt","title","body","link","data"}.</summary>
    Duban = 0,

    /// <summary>企业微信 group robot: {"msgtype":"text","text":{"content":…}}.</summary>
    WeCom = 1,

    /// <summary>钉钉 custom robot: {"msgtype":"text","text":{"content":…}}, with the keyword check left to the robot's settings.</summary>
    DingTalk = 2,
}

public static class WebhookKinds
{
    public static IReadOnlyList<string> Parse(string? kinds) =>
        (kinds ?? "").Split([',', ' ', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}

public enum DeliveryStatus
{
    Pending = 0,
    Delivered = 1,
    Failed = 2,
}

/// <summary>One event on its way to one endpoint: the outbox row the sender works through, with its attempts.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    public long EndpointId { get; set; }

    /// <summary>The event's idempotency key: (endpoint, event) is unique, so an event is queued once per endpoint.</summary>
    public required string EventId { get; set; }

    public required string EventKind { get; set; }

    /// <summary>The exact body that is sent and signed.</summary>
    public required string Payload { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DeliveryStatus Status { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
}
