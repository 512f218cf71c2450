using System.Text.Json.Serialization;
using Duban.Core.Cascade;
using Duban.Core.Tracking.Supervision;

namespace Duban.Web.Supervision;

/// <summary>
/// A 督办单 as the lists and pages show it. Its subject is a task (<paramref name="TaskId"/>, number and text) or a late
/// 备案 (<paramref name="FilingId"/>; no task): <see cref="Subject"/> and <see cref="SubjectLink"/> say which, for both.
/// </summary>
/// <param name="PlanId">The task's plan, or the plan that required the filing.</param>
public sealed record OrderSummary(
    long Id, string Number, long? TaskId, string? TaskNo, string? TaskText, long PlanId, long OrganizationId, string OrganizationName, string Reason,
    DateTimeOffset IssuedAt, string IssuedByName, DateOnly ReplyBy, OrderStatus Status, OrderOrigin Origin, int Replies,
    long? FilingId, [property: JsonIgnore] FilingKind? FilingKind, [property: JsonIgnore] string? FilingPlanTitle)
{
    public string StatusName => Status.Label();

    public string OriginName => Origin.Label();

    /// <summary>事项: "任务 1.2：…" for a task's order, "《plan》一县一案实施方案备案" for a filing's.</summary>
    public string Subject => FilingKind is { } kind ? CascadeLabels.OrderSubject(FilingPlanTitle ?? "", kind) : $"任务 {TaskNo}：{TaskText}";

    /// <summary>Where the subject is read (relative to the base address): the task, or the plan's cascade page.</summary>
    public string SubjectLink => FilingId is null ? $"tasks/{TaskId}" : $"plans/{PlanId}/cascade";
}

public sealed record RectificationView(int Number, string Measures, DateOnly NewDate, string AuthorName, DateTimeOffset CreatedAt);

/// <summary>The office's review of a 督办单: 办结 or 整改不到位.</summary>
/// <param name="RectificationNumber">The reply it read; null when closed without one.</param>
public sealed record OrderReviewView(OrderDecision Decision, string DecisionName, string Comment, int? RectificationNumber, DateOnly? NewReplyBy, string ReviewerName, DateTimeOffset At);

/// <param name="Reviews">The office's reviews, newest first.</param>
/// <param name="CanReply">The caller is a reporter of the order's organisation and the order is not closed.</param>
/// <param name="CanClose">The caller is an administrator (in scope, or they would not see it) and the order is not closed.</param>
/// <param name="CanReturn">As <paramref name="CanClose"/>, and a reply awaits review (已回复).</param>
public sealed record OrderDetail(
    OrderSummary Order, IReadOnlyList<RectificationView> Rectifications, IReadOnlyList<OrderReviewView> Reviews, bool CanReply, bool CanClose, bool CanReturn, Guid Version);

public sealed record TimelineEntry(DateTimeOffset At, TaskEventKind Kind, string KindName, string ActorName, string Summary, long? OrganizationId, string? OrganizationName, long? OrderId);

public sealed record TaskTimeline(long TaskId, string TaskNo, string TaskText, long PlanId, IReadOnlyList<TimelineEntry> Entries)
{
    /// <summary>The office retired the task by hand: its timeline is history, nothing more is issued on it.</summary>
    public bool Retired { get; init; }
}

public sealed record InstructionView(long Id, long TaskId, string LeaderName, string Text, DateOnly Date, string RecordedByName, DateTimeOffset RecordedAt);

/// <summary>The filters of the 督办单 list: a status (or <see cref="Active"/>), a task, a plan, an organisation.</summary>
public sealed record OrderFilter(OrderStatus? Status, long? TaskId)
{
    public long? PlanId { get; init; }

    public long? OrganizationId { get; init; }

    /// <summary>待回复和逾期: the orders that still need an answer (逾期未回复, 待回复, 整改不到位), overdue first.</summary>
    public bool Active { get; init; }

    /// <summary>The status filter's words: active, all (or nothing), or one <see cref="OrderStatus"/> in camel case.</summary>
    public const string StatusHelp = "status 必须是 active（待回复和逾期）、all（全部）、open（待回复）、answered（已回复）、returned（整改不到位）、closed（已办结）或 overdue（逾期未回复）。";

    /// <summary>Reads the filters as a client wrote them; null when the status is none of <see cref="StatusHelp"/>.</summary>
    public static OrderFilter? Parse(string? status, long? taskId, long? planId, long? organizationId)
    {
        var text = status?.Trim();
        var filter = new OrderFilter(null, taskId) { PlanId = planId, OrganizationId = organizationId };
        if (string.IsNullOrEmpty(text) || text.Equals("all", StringComparison.OrdinalIgnoreCase)) return filter;
        if (text.Equals("active", StringComparison.OrdinalIgnoreCase)) return filter with { Active = true };
        return SupervisionEndpoints.TryStatus(text, out var value) ? filter with { Status = value } : null;
    }

    /// <summary>The query string that carries the filter onto a link (an export, a page of the list): "status=overdue&amp;planId=3".</summary>
    public string Query(string? statusWord) => string.Join("&", new[]
    {
        statusWord is { Length: > 0 } word ? $"status={Uri.EscapeDataString(word)}" : null,
        TaskId is { } task ? $"taskId={task}" : null,
        PlanId is { } plan ? $"planId={plan}" : null,
        OrganizationId is { } organization ? $"organizationId={organization}" : null,
    }.Where(p => p is not null));
}
