namespace Duban.Core.Tracking.Escalation;

/// <summary>Who would receive what escalation issues to an organisation.</summary>
/// <param name="Placeholder">The organisation is a placeholder or a collective (各职业院校, 相关部门): no one in particular.</param>
/// <param name="HasActiveReporter">The organisation has at least one active user (填报员) to answer.</param>
public sealed record RecipientFacts(bool Placeholder, bool HasActiveReporter)
{
    public static RecipientFacts Reachable { get; } = new(false, true);
}

/// <summary>Why an action cannot be addressed (无人接收).</summary>
public enum UnreachableReason
{
    /// <summary>占位单位.</summary>
    Placeholder,

    /// <summary>无有效用户.</summary>
    NoActiveUser,
}

/// <summary>
/// A 督办单 and the 约谈 / 通报 flags demand an answer of the organisation; addressed to a placeholder or to an
/// organisation nobody signs in for, they would only pile up unanswered and count as misses. Such actions go to the
/// office's 无人接收 list instead. 提醒 and 催办 cost nothing unanswered and stay on the timeline.
/// </summary>
public static class EscalationRecipients
{
    public static UnreachableReason? Unreachable(EscalationKind kind, RecipientFacts recipient)
    {
        if (kind is not (EscalationKind.SupervisionOrder or EscalationKind.Summons or EscalationKind.Bulletin)) return null;
        if (recipient.Placeholder) return UnreachableReason.Placeholder;
        if (!recipient.HasActiveReporter) return UnreachableReason.NoActiveUser;
        return null;
    }

    public static string Label(this UnreachableReason reason) => reason switch
    {
        UnreachableReason.Placeholder => "占位单位",
        UnreachableReason.NoActiveUser => "无有效用户",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
