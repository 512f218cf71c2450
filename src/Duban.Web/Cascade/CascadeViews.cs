using Duban.Core.Cascade;

namespace Duban.Web.Cascade;

public sealed record BasisView(string Title, string? DocNumber);

/// <param name="State">proposed, confirmed or rejected.</param>
public sealed record LinkedPlanView(long PlanId, string Title, string? DocNumber, string? RegionName, string State, string StateName, string? MatchedDocNumber, string? DecidedByName);

/// <summary>上级依据 and 下级承接计划 of a plan: the documents it cites, the plans it implements and the plans implementing it.</summary>
public sealed record PlanLinksView(long PlanId, IReadOnlyList<BasisView> Basis, IReadOnlyList<LinkedPlanView> Uppers, IReadOnlyList<LinkedPlanView> Lowers, bool CanSetLinks);

/// <summary>A plan offered as a basis (上级依据) on the cascade page.</summary>
/// <param name="Above">The plan belongs to a region above the lower plan's.</param>
public sealed record UpperCandidateView(long PlanId, string Title, string? DocNumber, string? RegionName, bool Above);

/// <summary>An organisation the office can name as a filer of a requirement.</summary>
/// <param name="ChildGovernment">A government of a child region: one of the filers 各下级地区 already brings.</param>
public sealed record FilerOptionView(long Id, string Name, string? RegionName, bool ChildGovernment);

/// <param name="State">pending, filed, accepted or returned.</param>
/// <param name="Late">Nothing (or only a returned plan) filed and the due date passed.</param>
public sealed record FilingView(long Id, long RequirementId, long OrganizationId, string OrganizationName, string State, string StateName, bool Late,
    long? LowerPlanId, string? LowerPlanTitle, DateTimeOffset? FiledAt, string? FiledByName, DateTimeOffset? ReviewedAt, string? ReviewedByName,
    string? Comment, DateTimeOffset? EscalatedAt, string Version)
{
    /// <summary>The 督办单 on the filing, if any: the open one, else the latest.</summary>
    public FilingOrderView? Order { get; init; }
}

/// <summary>A 督办单 on a late filing, as its row shows it: the number, linking to /supervision/{id}.</summary>
public sealed record FilingOrderView(long Id, string Number, string StatusName, bool Open);

/// <param name="Kind">county (一县一案), school (一校一案) or other.</param>
public sealed record RequirementView(long Id, long PlanId, string Kind, string KindName, string Text, string? Office, DateOnly? Due, bool EveryChildRegion,
    bool FromText, IReadOnlyList<FilingView> Filings, int Filed, int Late, string Version);

/// <param name="State">proposed, confirmed or rejected.</param>
public sealed record CoverageItemView(long Id, long LowerPlanId, string LowerPlanTitle, string? LowerRegionName, long LowerTaskId, string LowerTaskNo, string LowerTaskText,
    decimal Score, string State, string StateName, string? LowerStatus, bool LowerCompleted);

/// <summary>An additive target of the upper task and the sum of the same targets of the plans carrying it.</summary>
public sealed record TargetRollupView(string Subject, string Unit, decimal UpperValue, decimal LowerSum, int Plans);

/// <param name="CarryingPlans">Lower plans with a pair not rejected.</param>
/// <param name="CompletedPlans">Of those, the plans whose carrying tasks are all 已完成.</param>
/// <param name="Summary">由下级 N 个计划承接，M 个已完成 (or 尚无下级计划承接).</param>
public sealed record TaskCoverageView(long TaskId, string No, string Text, IReadOnlyList<CoverageItemView> Items, int CarryingPlans, int CompletedPlans, string Summary,
    IReadOnlyList<TargetRollupView> Rollups);

public sealed record CoverageView(long PlanId, int LowerPlans, IReadOnlyList<TaskCoverageView> Tasks, bool CanDecide);

/// <summary>
/// One node of the cascade tree: a plan (with the filing that brought it, when its parent required one), or an
/// expected filing with no plan yet.
/// </summary>
/// <param name="Carried">Of the parent plan's tasks, how many this plan carries (pairs not rejected); for the root, how many of its tasks any lower plan carries.</param>
/// <param name="Tasks">The parent plan's task count; for the root, its own.</param>
public sealed record CascadeNode(int Depth, long? ParentPlanId, long? PlanId, string Title, string? DocNumber, string? RegionName, string? OrganizationName,
    string? FilingState, string? FilingStateName, bool Late, DateOnly? Due, string? LinkState, int Carried, int Tasks);

public sealed record CascadeView(long PlanId, string Title, IReadOnlyList<CascadeNode> Nodes);

/// <summary>A filing's due date in a user's scope, for calendars (CalendarFeed).</summary>
public sealed record FilingDueDate(long FilingId, long PlanId, string PlanTitle, string OrganizationName, string KindName, DateOnly Due, string StateName, bool Late, string Link);

internal static class CascadeCodes
{
    public static string Code(LinkState s) => s.ToString().ToLowerInvariant();

    public static string Code(FilingState s) => s.ToString().ToLowerInvariant();

    public static string Code(FilingKind k) => k.ToString().ToLowerInvariant();

    public static string Code(CoverageState s) => s.ToString().ToLowerInvariant();
}
