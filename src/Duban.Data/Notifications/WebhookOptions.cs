namespace Duban.Data.Notifications;

/// <summary>The "Webhooks" configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Attempts per delivery before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The delay after the first failed attempt; each further one doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long one POST may take; a slower endpoint counts as failed for that attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the background sender looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries handled per round.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Allows URLs and resolved addresses inside the network (loopback, 10/8, 172.16/12, 192.168/16…). Off by default.</summary>
    public bool AllowInternalAddresses { get; set; }

    /// <summary>The application's public address ("https://duban.example.gov.cn/"), to make links in payloads absolute.</summary>
    public string? PublicBaseUrl { get; set; }

    public Duban.Core.Notifications.RetrySchedule Retries => new(MaxAttempts, FirstRetryDelay, MaxRetryDelay);
}
