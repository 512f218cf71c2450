using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Duban.Core.Audit;

namespace Duban.Data.Supervision;

/// <summary>The audit actions of supervision; each entry is saved in the same transaction as its write.</summary>
public static class SupervisionAuditActions
{
    public const string OrderIssue = "supervision-order.issue";
    public const string OrderReply = "supervision-order.reply";
    public const string InstructionRecord = "instruction.record";
    public const string FlagSet = "task.flag";

    public const string OrderEntity = "supervision-order";
    public const string InstructionEntity = "instruction";
    public const string TaskEntity = "task";

    /// <summary>The Chinese name of a supervision action for the audit page, or null for another action.</summary>
    public static string? Describe(string action) => action switch
    {
        OrderIssue => "下发督办单",
        OrderReply => "回复督办单（整改措施）",
        InstructionRecord => "录入领导批示",
        FlagSet => "标记约谈/通报",
        _ => null,
    };

    /// <summary>The Chinese name of a supervision entity type for the audit page, or null for another type.</summary>
    public static string? DescribeEntity(string entityType) => entityType switch
    {
        OrderEntity => "督办单",
        InstructionEntity => "领导批示",
        TaskEntity => "任务",
        _ => null,
    };
}

/// <summary>Adds audit entries to the caller's unit of work, so an entry is stored exactly when its change is.</summary>
internal static class SupervisionAudit
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Add(DubanDbContext db, DateTimeOffset at, long? userId, string actor, string? remoteAddress,
        string action, string entityType, long entityId, object? before, object? after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            UserId = userId,
            Actor = actor,
            RemoteAddress = remoteAddress,
            Action = action,
            EntityType = entityType,
            EntityId = entityId.ToString(CultureInfo.InvariantCulture),
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });

    public static string ToJson(object value) => JsonSerializer.Serialize(value, Json);
}
