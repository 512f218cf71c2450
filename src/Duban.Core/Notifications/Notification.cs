namespace Duban.Core.Notifications;

/// <summary>A message in one user's notification centre (通知中心).</summary>
public sealed class Notification
{
    public long Id { get; set; }

    public long RecipientId { get; set; }

    /// <summary>What it is about, e.g. reminder, chase, supervision-order; see <see cref="NotificationKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>In Chinese, one line.</summary>
    public required string Title { get; set; }

    /// <summary>In Chinese.</summary>
    public required string Body { get; set; }

    /// <summary>A path inside the application ("tasks/42"), relative so that it works behind any base path.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Unique: the same event notifies the same user once, however often the job that raises it runs.</summary>
    public required string IdempotencyKey { get; set; }
}

/// <summary>The kinds of notification and of webhook event; the names follow the glossary.</summary>
public static class NotificationKinds
{
    public const string Reminder = "reminder";
    public const string Chase = "chase";
    public const string SupervisionOrder = "supervision-order";
    public const string Summons = "summons";
    public const string Bulletin = "bulletin";
    public const string Instruction = "instruction";
    public const string Review = "review";
    /// <summary>The office changed a published task (text, deadline, units, targets, split, merge, retirement).</summary>
    public const string TaskEdit = "task-edit";
    /// <summary>An organisation was given work: a plan it has tasks in was published, or it was added to a published task.</summary>
    public const string TaskAssigned = "task-assigned";
    public const string Test = "test";

    public static IReadOnlyList<string> All { get; } = [Reminder, Chase, SupervisionOrder, Summons, Bulletin, Instruction, Review, TaskEdit, TaskAssigned, Test];

    /// <summary>The kinds a user may choose to receive outside the site as well; a test message is the administrator's, for one endpoint.</summary>
    public static IReadOnlyList<string> Forwardable { get; } = [.. All.Where(k => k != Test)];

    public static string Describe(string kind) => kind switch
    {
        Reminder => "提醒",
        Chase => "催办",
        SupervisionOrder => "督办单",
        Summons => "约谈",
        Bulletin => "通报",
        Instruction => "领导批示",
        Review => "审核",
        TaskEdit => "任务修改",
        TaskAssigned => "任务交办",
        Test => "测试",
        _ => kind,
    };
}

/// <summary>What to tell: the same message for every recipient; each recipient's copy gets a key of its own.</summary>
public sealed record NotificationMessage(string Kind, string Title, string Body, string? Link, string IdempotencyKey);
