using Duban.Data.Audit;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Duban.Core.Audit;
using Duban.Data.Import;

namespace Duban.Data.Tracking;

/// <summary>The audit actions of tracking writes; each entry is saved in the same transaction as its write.</summary>
public static class TrackingAuditActions
{
    public const string ReportCreate = "report.create";
    public const string ReportRevise = "report.revise";
    public const string ReportSubmit = "report.submit";
    public const string ReportReview = "report.review";
    public const string EvidenceUpload = "evidence.upload";
    public const string ObservationCreate = "observation.create";
    public const string ObservationRevise = "observation.revise";
    public const string CycleUpdate = "reporting-cycle.update";

    public const string ReportEntity = "progress-report";
    public const string EvidenceEntity = "evidence";
    public const string ObservationEntity = "observation";
    public const string CycleEntity = "reporting-cycle";

    /// <summary>The Chinese name of a tracking action for the audit page, or null for another action.</summary>
    public static string? Describe(string action) => action switch
    {
        ReportCreate => "填报进展",
        ReportRevise => "修改进展",
        ReportSubmit => "提交进展报告",
        ReportReview => "审核进展报告",
        EvidenceUpload => "上传佐证材料",
        ObservationCreate => "填报指标值",
        ObservationRevise => "修改指标值",
        CycleUpdate => "设置填报周期",
        _ => null,
    };

    /// <summary>The Chinese name of a tracking entity type for the audit page, or null for another type.</summary>
    public static string? DescribeEntity(string entityType) => entityType switch
    {
        ReportEntity => "进展报告",
        EvidenceEntity => "佐证材料",
        ObservationEntity => "指标值",
        CycleEntity => "填报周期",
        _ => null,
    };
}

/// <summary>Writes tracking audit entries through the same <see cref="AuditLog"/> the import uses.</summary>
internal sealed class TrackingAudit(AuditLog writer, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public void Add(TrackingActor actor, string action, string entityType, long entityId, object? before, object? after) =>
        writer.Write(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = actor.UserId,
            Actor = actor.UserName,
            RemoteAddress = actor.RemoteAddress,
            Action = action,
            EntityType = entityType,
            EntityId = entityId.ToString(CultureInfo.InvariantCulture),
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
}
