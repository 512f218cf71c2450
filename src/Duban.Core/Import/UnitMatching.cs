using Duban.Core.Organizations;
using Duban.Parsing.Model;

namespace Duban.Core.Import;

/// <summary>A responsible unit as a document writes it, with the parser's canonical name and collective kind.</summary>
public sealed record WrittenUnit(string Name, string Canonical, CollectiveKind? Collective = null)
{
    public static WrittenUnit From(ResponsibleUnit unit) => new(unit.Name, unit.Canonical, unit.Collective ? unit.CollectiveKind ?? CollectiveKind.Other : null);
}

/// <summary>A region as the matcher needs it: its ancestor path ("/1/5/23/") says where it stands in the tree.</summary>
public sealed record RegionRef(long Id, string Name, string Path)
{
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
/// (中宁县人民政府) is suggested in that region.</param>
public sealed record MatchScope(RegionRef? PlanRegion, IReadOnlyList<RegionRef> RegionsBelow)
{
    public static MatchScope Everywhere { get; } = new(null, []);
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
    /// <summary>A collective the matcher cannot expand (成员单位, 有关部门, or no organisations to expand to): the user decides.</summary>
    NeedsChoice,
}

/// <summary>What an import proposes for one unit name; the user confirms or overrides it with a <see cref="UnitDecision"/>.</summary>
/// <param name="OrganizationIds">The matched organisations; for <see cref="UnitMatchKind.Ambiguous"/> the ones to choose from.</param>
/// <param name="Reason">Why, for people (Chinese).</param>
/// <param name="Suggestion">For a unit without a match: the organisation to create if the user agrees.</param>
public sealed record UnitProposal(
    WrittenUnit Unit,
    UnitMatchKind Kind,
    IReadOnlyList<long> OrganizationIds,
    string Reason,
    NewOrganization? Suggestion = null)
{
    /// <summary>
    /// The decision taken when the user accepts the proposal as it stands. A unit without a match is created only when
    /// <paramref name="createUnmatched"/>; an ambiguous one never is: someone has to choose.
    /// </summary>
    public UnitDecision? DefaultDecision(bool createUnmatched) => Kind switch
    {
        UnitMatchKind.Exact => new MapToOrganizations(OrganizationIds, RememberAlias: false),
        UnitMatchKind.Alias => new MapToOrganizations(OrganizationIds, RememberAlias: true),
        UnitMatchKind.Collective => new ExpandCollective(OrganizationIds),
        UnitMatchKind.New or UnitMatchKind.NeedsChoice when createUnmatched && Suggestion is { } s => new CreateOrganization(s.Name, s.Kind, s.RegionId),
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

/// <summary>A collective unit stands for these organisations, one assignment each; nothing is remembered, since what a collective means depends on the region tree at the time.</summary>
public sealed record ExpandCollective(IReadOnlyList<long> OrganizationIds) : UnitDecision;
