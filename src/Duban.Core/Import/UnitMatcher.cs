using Duban.Core.Organizations;
using Duban.Parsing.Model;

namespace Duban.Core.Import;

/// <summary>
/// Proposes, for a unit named in a plan, the organisations it stands for. In order: a collective expanded over the
/// region tree (各县（区）人民政府 → every county government directly below the plan's region; 各职业院校 → every school
/// in the region and below); an exact name; an alias (the written name or the parser's canonical name among the
/// organisation's names and aliases, or the name qualified by the region: 市教育局 in 平凉市 → 平凉市教育局); else new.
/// Among several matches the organisation closest to the plan's region wins (the region itself, then the nearest
/// ancestor); several equally close ones are ambiguous. See docs/import.md.
/// </summary>
public sealed class UnitMatcher
{
    private const int BelowRank = int.MaxValue;

    private readonly MatchScope scope;
    private readonly List<Ranked> candidates;
    private readonly ILookup<string, Ranked> byName;
    private readonly ILookup<string, Ranked> byAlias;

    public UnitMatcher(IEnumerable<OrganizationCandidate> candidates, MatchScope scope)
    {
        this.scope = scope;
        this.candidates = [.. candidates.Select(c => new Ranked(c, RankOf(c))).Where(r => r.Rank is not null)];
        byName = this.candidates.ToLookup(r => OrganizationNames.Normalize(r.Candidate.Name));
        byAlias = this.candidates
            .SelectMany(r => r.Candidate.Aliases.Select(a => (Alias: OrganizationNames.Normalize(a), r)))
            .ToLookup(x => x.Alias, x => x.r);
    }

    public UnitProposal Propose(WrittenUnit unit)
    {
        if (Expand(unit) is { } expanded) return expanded;

        var name = OrganizationNames.Normalize(unit.Name);
        if (Closest(byName[name]) is { Count: > 0 } exact) return Found(unit, UnitMatchKind.Exact, exact, "名称完全一致");

        var canonical = OrganizationNames.Normalize(unit.Canonical);
        var aliasHits = byAlias[name].Concat(byName[canonical]).Concat(byAlias[canonical]);
        foreach (var qualified in QualifiedForms(name).Concat(QualifiedForms(canonical)))
            aliasHits = aliasHits.Concat(byName[qualified]).Concat(byAlias[qualified]);
        if (Closest(aliasHits) is { Count: > 0 } alias) return Found(unit, UnitMatchKind.Alias, alias, $"别名或规范名称一致（{unit.Canonical}）");

        if (unit.Collective is { } kind)
        {
            return new UnitProposal(unit, UnitMatchKind.NeedsChoice, [], CollectiveReason(kind),
                new NewOrganization(unit.Canonical, OrganizationKind.Other, null));
        }
        return new UnitProposal(unit, UnitMatchKind.New, [], "未找到对应单位，建议新建",
            new NewOrganization(unit.Canonical, OrganizationNames.GuessKind(unit.Canonical), SuggestedRegion(unit.Canonical)));
    }

    private UnitProposal? Expand(WrittenUnit unit)
    {
        if (scope.PlanRegion is not { } region) return null;
        List<Ranked> members;
        string reason;
        switch (unit.Collective)
        {
            case CollectiveKind.SubordinateGovernments:
                members = [.. candidates.Where(r => r.Candidate.Kind == OrganizationKind.Government && r.Candidate.Region.IsDirectlyBelow(region))];
                reason = $"展开为{region.Name}下辖的 {members.Count} 个县（市、区）政府";
                break;
            case CollectiveKind.Schools:
                members = [.. candidates.Where(r => r.Candidate.Kind == OrganizationKind.School
                    && (r.Candidate.Region.Id == region.Id || r.Candidate.Region.IsBelow(region)))];
                reason = $"展开为{region.Name}及下辖地区的 {members.Count} 所学校";
                break;
            default:
                return null;
        }
        if (members.Count == 0) return null;
        return new UnitProposal(unit, UnitMatchKind.Collective,
            [.. members.OrderBy(r => r.Candidate.Region.Path, StringComparer.Ordinal).ThenBy(r => r.Candidate.Id).Select(r => r.Candidate.Id)], reason);
    }

    /// <summary>市教育局 in 平凉市 is 平凉市教育局: the leading level character stands for the region's name.</summary>
    private IEnumerable<string> QualifiedForms(string name)
    {
        if (scope.PlanRegion is not { } region || name.Length < 2) yield break;
        var regionName = OrganizationNames.Normalize(region.Name);
        if (regionName.Length > 1 && name[0] == regionName[^1]) yield return regionName + name[1..];
    }

    private long? SuggestedRegion(string name)
    {
        var normalized = OrganizationNames.Normalize(name);
        return scope.RegionsBelow
            .Where(r => normalized.StartsWith(OrganizationNames.Normalize(r.Name), StringComparison.Ordinal))
            .OrderByDescending(r => r.Name.Length)
            .Select(r => (long?)r.Id)
            .FirstOrDefault();
    }

    private static List<Ranked> Closest(IEnumerable<Ranked> hits)
    {
        var distinct = hits.DistinctBy(r => r.Candidate.Id).ToList();
        if (distinct.Count == 0) return distinct;
        var best = distinct.Min(r => r.Rank!.Value);
        return [.. distinct.Where(r => r.Rank == best).OrderBy(r => r.Candidate.Id)];
    }

    private static UnitProposal Found(WrittenUnit unit, UnitMatchKind kind, List<Ranked> hits, string reason) => hits.Count == 1
        ? new UnitProposal(unit, kind, [hits[0].Candidate.Id], reason)
        : new UnitProposal(unit, UnitMatchKind.Ambiguous, [.. hits.Select(h => h.Candidate.Id)], $"有 {hits.Count} 个同样匹配的单位，请选择");

    private static string CollectiveReason(CollectiveKind kind) => kind switch
    {
        CollectiveKind.SubordinateGovernments => "集合单位：下辖地区没有已登记的政府，请选择对应单位或新建",
        CollectiveKind.Schools => "集合单位：本地区没有已登记的学校，请选择对应单位或新建",
        CollectiveKind.BodyMembers => "成员单位：请选择对应的单位",
        CollectiveKind.Departments => "有关部门：请选择对应的单位",
        _ => "集合单位：请选择对应的单位",
    };

    /// <summary>
    /// 0 for the plan's region, 1, 2 … for its ancestors from the nearest, <see cref="BelowRank"/> for regions below
    /// it, null for unrelated regions (another city's 市教育局).
    /// </summary>
    private int? RankOf(OrganizationCandidate candidate)
    {
        if (scope.PlanRegion is not { } plan) return 0;
        var region = candidate.Region;
        if (region.Id == plan.Id) return 0;
        if (plan.IsBelow(region)) return plan.Depth - region.Depth;
        if (region.IsBelow(plan)) return BelowRank;
        return null;
    }

    private sealed record Ranked(OrganizationCandidate Candidate, int? Rank);
}
