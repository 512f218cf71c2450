namespace Duban.Core.Tracking.Periods;

/// <summary>How often a plan's organisations report (填报周期).</summary>
public enum PeriodKind
{
    /// <summary>每月: the default, the plans' 每月调度.</summary>
    Monthly = 1,
    /// <summary>每季度: January–March, April–June, July–September, October–December.</summary>
    Quarterly = 2,
    /// <summary>每半年: January–June, July–December.</summary>
    HalfYearly = 3,
}

/// <summary>What happens to a report submitted after its submission window closed.</summary>
public enum LateRule
{
    /// <summary>Accepted, and flagged late.</summary>
    AcceptFlagged = 1,
    /// <summary>Accepted and flagged late for <see cref="ReportingCycle.RefuseAfterDays"/> more days, refused after that.</summary>
    RefuseAfter = 2,
}

/// <summary>How a submission stands against its period's window.</summary>
public enum Timeliness
{
    OnTime = 1,
    Late = 2,
    Refused = 3,
}
