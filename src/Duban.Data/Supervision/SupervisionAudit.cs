using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Duban.Data.Supervision;

/// <summary>The audit actions of supervision; each entry is saved in the same transaction as its write.</summary>
public static class SupervisionAuditActions
{
    public const string OrderIssue = "supervision-order.issue";
    public const string OrderReply = "supervision-order.reply";
    public const string OrderClose = "supervision-order.close";
    public const string OrderReturn = "supervision-order.return";
    /// <summary>The escalation job marked the orders past their reply date 逾期未回复 (one entry for all of a run's).</summary>
    public const string OrdersOverdue = "supervision-order.overdue";
    public const string InstructionRecord = "instruction.record";
    public const string FlagSet = "task.flag";

    public const string OrderEntity = "supervision-order";
    public const string InstructionEntity = "instruction";
    /// <summary>The flags are set on a task: the entity type the plan import uses for tasks.</summary>
    public const string TaskEntity = Audit.AuditEntities.Task;

    /// <summary>The Chinese name of a supervision action for the audit page, or null for another action.</summary>
    public static string? Describe(string action) => action switch
    {
        OrderIssue => "下发督办单",
        OrderReply => "回复督办单（整改措施）",
        OrderClose => "办结督办单",
        OrderReturn => "退回督办单整改回复（整改不到位）",
        OrdersOverdue => "督办单逾期未回复（系统标记）",
        InstructionRecord => "录入领导批示",
        FlagSet => "标记约谈/通报",
        _ => null,
    };

    /// <summary>The Chinese name of a supervision entity type for the audit page, or null for another type.</summary>
    public static string? DescribeEntity(string entityType) => entityType switch
    {
        OrderEntity => "督办单",
        InstructionEntity => "领导批示",
        _ => null,
    };
}

/// <summary>The JSON of timeline payloads: readable Chinese, enums by name, as the audit log's.</summary>
internal static class SupervisionJson
{
    public static string ToJson(object value) => JsonSerializer.Serialize(value, Json);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };
}
