using Duban.Core.Organizations;
using Duban.Parsing.Model;

namespace Duban.Core.Import;

/// <summary>A responsible unit as a document writes it, with the parser's canonical name and collective kind.</summary>
public sealed record WrittenUnit(string Name, string Canonical, CollectiveKind? Collective = null)
{
    public static WrittenUnit From(ResponsibleUnit unit) => new(unit.Name, unit.Canonical, unit.Collective ? unit.CollectiveKind ?? CollectiveKind.Other : null);
}

/// <summary>A region as the matcher needs it: its ancestor path ("/1/5/23/") says where it stands in the tree.</summary>
/// <param name="Code">The GB/T 2260 code, for regions of the national tree: it tells a functional zone from a county.</param>
public sealed record RegionRef(long Id, string Name, string Path, string? Code = null)
{
    public bool IsFunctionalZone => Code is not null && Divisions.DivisionCodes.IsFunctionalZone(Code);

    public int Depth => Path.Count(c => c == '/') - 1;

    public bool IsBelow(RegionRef other) => Id != other.Id && Path.StartsWith(other.Path, StringComparison.Ordinal);

    public bool IsDirectlyBelow(RegionRef other) => IsBelow(other) && Depth == other.Depth + 1;
}

/// <summary>An existing (active) organisation the matcher may propose.</summary>
public sealed record OrganizationCandidate(long Id, string Name, OrganizationKind Kind, RegionRef Region, IReadOnlyList<string> Aliases);

/// <summary>
/// Where the plan belongs. Names like 市教育局 mean a different body in every city, so only organisations of the plan's
/// region, its ancestors and the regions below it are considered. Without a region every candidate is.
/// </summary>
/// <param name="RegionsBelow">The regions below <paramref name="PlanRegion"/>: a new unit named after one of them
/// (中宁县人民政府) is suggested in that region; those directly below are what 各县（区） expands over.</param>
/// <param name="Ancestors">The regions above <paramref name="PlanRegion"/>, nearest first: 省教育厅 in a city plan is the
/// province's.</param>
public sealed record MatchScope(RegionRef? PlanRegion, IReadOnlyList<RegionRef> RegionsBelow, IReadOnlyList<RegionRef>? Ancestors = null)
{
    public static MatchScope Everywhere { get; } = new(null, []);

    /// <summary>The plan's region and the regions above it, nearest first: where a name without its place may belong.</summary>
    public IReadOnlyList<RegionRef> Chain => PlanRegion is null ? [] : [PlanRegion, .. Ancestors ?? []];

    /// <summary>The regions directly below the plan's, functional zones (开发区) left out: the members of 各县（市、区）.</summary>
    public IEnumerable<RegionRef> Subordinates => PlanRegion is null ? []
        : RegionsBelow.Where(r => r.IsDirectlyBelow(PlanRegion) && !r.IsFunctionalZone).OrderBy(r => r.Code ?? "", StringComparer.Ordinal).ThenBy(r => r.Id);
}

public enum UnitMatchKind
{
    /// <summary>One organisation has exactly this name.</summary>
    Exact,
    /// <summary>One organisation is known by this name as an alias, or by the parser's canonical name.</summary>
    Alias,
    /// <summary>A collective unit expanded to the organisations it stands for.</summary>
    Collective,
    /// <summary>Several organisations fit equally well; the user picks.</summary>
    Ambiguous,
    /// <summary>Nothing fits: a new organisation is suggested.</summary>
    New,
    /// <summary>A collective the matcher cannot expand (成员单位 without a member list, schools none of which is registered): the user decides.</summary>
    NeedsChoice,
    /// <summary>A placeholder (相关部门, 有关单位, 市直有关部门): no body in particular, so by default not a unit at all.</summary>
    Placeholder,
}

/// <summary>What an import proposes for one unit name; the user confirms or overrides it with a <see cref="UnitDecision"/>.</summary>
/// <param name="OrganizationIds">The matched organisations; for <see cref="UnitMatchKind.Ambiguous"/> the ones to choose from.</param>
/// <param name="Reason">Why, for people (Chinese).</param>
/// <param name="Suggestion">For a unit without a match: the organisation to create if the user agrees.</param>
/// <param name="NewMembers">For a collective: the members that are not registered yet (崆峒区人民政府 when 崆峒区 has no
/// government on record), created with the import unless the user unticks them.</param>
public sealed record UnitProposal(
    WrittenUnit Unit,
    UnitMatchKind Kind,
    IReadOnlyList<long> OrganizationIds,
    string Reason,
    NewOrganization? Suggestion = null,
    IReadOnlyList<NewOrganization>? NewMembers = null)
{
    public IReadOnlyList<NewOrganization> MembersToCreate => NewMembers ?? [];

    /// <summary>
    /// The decision taken when the user accepts the proposal as it stands. A unit without a match is created only when
    /// <paramref name="createUnmatched"/>, a collective without members then left out; an ambiguous one never is
    /// decided: someone has to choose. A placeholder is never a unit.
    /// </summary>
    public UnitDecision? DefaultDecision(bool createUnmatched) => Kind switch
    {
        UnitMatchKind.Exact => new MapToOrganizations(OrganizationIds, RememberAlias: false),
        UnitMatchKind.Alias => new MapToOrganizations(OrganizationIds, RememberAlias: true),
        UnitMatchKind.Collective when OrganizationIds.Count > 0 || (createUnmatched && MembersToCreate.Count > 0) =>
            new ExpandCollective(OrganizationIds, createUnmatched ? MembersToCreate : []),
        UnitMatchKind.Placeholder => new NotAUnit(),
        // A collective with nothing to expand to (各职业院校 where no school is registered) is no one body: creating one
        // named 各职业院校 would send its 督办单 to nobody. Left out until the office registers the members.
        UnitMatchKind.NeedsChoice when createUnmatched => new NotAUnit(),
        UnitMatchKind.New when createUnmatched && Suggestion is { } s => new CreateOrganization(s.Name, s.Kind, s.RegionId),
        _ => null,
    };
}

/// <summary>An organisation to create.</summary>
/// <param name="RegionId">Null for the plan's own region.</param>
public sealed record NewOrganization(string Name, OrganizationKind Kind, long? RegionId);

/// <summary>What the user decided for one unit name.</summary>
public abstract record UnitDecision;

/// <summary>The unit is these organisations (usually one). <paramref name="RememberAlias"/>: learn the written name as an alias of the one organisation, so that the next import matches it.</summary>
public sealed record MapToOrganizations(IReadOnlyList<long> OrganizationIds, bool RememberAlias = true) : UnitDecision;

/// <summary>The unit is a new organisation. <paramref name="RegionId"/> null means the plan's region.</summary>
public sealed record CreateOrganization(string Name, OrganizationKind Kind, long? RegionId = null) : UnitDecision;

/// <summary>
/// A collective unit stands for these organisations, and for the new ones <paramref name="Create"/> lists (created with the
/// import, or taken when one of that name is already in that region), one assignment each; nothing is remembered, since
/// what a collective means depends on the region tree at the time.
/// </summary>
public sealed record ExpandCollective(IReadOnlyList<long> OrganizationIds, IReadOnlyList<NewOrganization>? Create = null) : UnitDecision
{
    public IReadOnlyList<NewOrganization> MembersToCreate => Create ?? [];

    public int MemberCount => OrganizationIds.Count + MembersToCreate.Count;
}

/// <summary>不作为单位: the name stays in the task's text, but no organisation is assigned for it (相关部门, 有关单位).</summary>
public sealed record NotAUnit : UnitDecision;
