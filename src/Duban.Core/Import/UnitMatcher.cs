using Duban.Core.Import.Units;
using Duban.Core.Organizations;
using Duban.Parsing.Model;

namespace Duban.Core.Import;

/// <summary>
/// Proposes, for a unit named in a plan, the organisations it stands for. In order: a collective expanded over the
/// region tree (各县（市、区）人民政府 → the government of every county-level division directly below the plan's region,
/// those not registered yet to be created; 各县（区）教育局 → each one's education bureau; 各职业院校 → every school in the
/// region and below; 成员单位 → the members of the document's leading group or joint meeting); a placeholder (相关部门) not
/// taken as a unit; an exact name; an alias (the written name or the parser's canonical name among the organisation's
/// names and aliases, or the name with its place written out: 市教育局 in 平凉市 → 平凉市教育局); else new, under the name
/// with its place written out. Among several matches the organisation closest to the plan's region wins (the region
/// itself, then the nearest ancestor); several equally close ones are ambiguous. See docs/import.md.
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

    /// <summary>
    /// The proposals for all of a document's units. Beyond <see cref="Propose"/>, a sector named generically (教育部门 in
    /// 教育、财政等相关部门) is taken as the department of that sector which the same document names (市教育局 → 平凉市教育局):
    /// the same organisation, found or created once.
    /// </summary>
    public IReadOnlyList<UnitProposal> ProposeAll(IEnumerable<WrittenUnit> units, IReadOnlyList<GoverningBody>? bodies = null)
    {
        var proposals = units.Select(u => Propose(u, bodies)).ToList();
        for (var i = 0; i < proposals.Count; i++)
            if (SectorDepartment(proposals[i], proposals) is { } linked) proposals[i] = linked;
        return proposals;
    }

    private static readonly string[] SectorEndings = ["局", "委员会", "委", "办公室", "办", "厅"];

    private UnitProposal? SectorDepartment(UnitProposal proposal, List<UnitProposal> all)
    {
        if (proposal.Kind != UnitMatchKind.New || scope.PlanRegion is not { } region) return null;
        var name = OrganizationNames.Normalize(proposal.Unit.Canonical);
        if (!name.EndsWith("部门", StringComparison.Ordinal) || name.Length < 4) return null;
        var sector = name[..^2];
        var place = OrganizationNames.Normalize(region.Name);
        var forms = SectorEndings.Select(e => place + OrganizationNames.Normalize(Parsing.Units.UnitAliasTable.Default.Canonicalize(sector + e))).ToHashSet();
        foreach (var other in all.Where(o => !ReferenceEquals(o, proposal)))
        {
            if (other.Kind == UnitMatchKind.New && other.Suggestion is { } suggestion && forms.Contains(OrganizationNames.Normalize(suggestion.Name)))
                return proposal with { Suggestion = suggestion, Reason = $"泛称的“{proposal.Unit.Name}”即文中的{other.Unit.Name}，建议新建为“{suggestion.Name}”（原写法作为别名）" };
        }
        var existing = candidates.Where(c => forms.Contains(OrganizationNames.Normalize(c.Candidate.Name))).Select(c => c.Candidate.Id).Distinct().ToList();
        return existing.Count == 1 ? proposal with { Kind = UnitMatchKind.Alias, OrganizationIds = existing, Suggestion = null, Reason = $"泛称的“{proposal.Unit.Name}”即本地区的该部门" } : null;
    }

    /// <param name="bodies">The document's leading groups and joint meetings: 成员单位 expands to their members.</param>
    public UnitProposal Propose(WrittenUnit unit, IReadOnlyList<GoverningBody>? bodies = null)
    {
        if (ExpandSubordinates(unit) is { } subordinates) return subordinates;
        if (unit.Collective == CollectiveKind.Schools && Schools(unit) is { } schools) return schools;
        if (unit.Collective == CollectiveKind.BodyMembers && BodyMembers(unit, bodies ?? []) is { } members) return members;
        return Single(unit);
    }

    /// <summary>A unit read as one body: matched by name or alias, else a suggestion; collectives that could not expand ask.</summary>
    private UnitProposal Single(WrittenUnit unit)
    {
        var name = OrganizationNames.Normalize(unit.Name);
        if (Closest(byName[name]) is { Count: > 0 } exact) return Found(unit, UnitMatchKind.Exact, exact, "名称完全一致");

        var canonical = OrganizationNames.Normalize(unit.Canonical);
        var aliasHits = byAlias[name].Concat(byName[canonical]).Concat(byAlias[canonical]);
        foreach (var qualified in new[] { name, canonical }.Select(n => QualifiedNames.Qualify(n, scope.Chain)).OfType<QualifiedName>())
        {
            var form = OrganizationNames.Normalize(qualified.Name);
            aliasHits = aliasHits.Concat(byName[form]).Concat(byAlias[form]);
        }
        if (Closest(aliasHits) is { Count: > 0 } alias) return Found(unit, UnitMatchKind.Alias, alias, $"别名或规范名称一致（{unit.Canonical}）");

        if (unit.Collective is null && LowerLevel(unit.Canonical) is { } lower && ExpandSubordinates(unit, lower) is { } each) return each;

        switch (unit.Collective)
        {
            case CollectiveKind.Departments or CollectiveKind.Other:
                return new UnitProposal(unit, UnitMatchKind.Placeholder, [], "泛指的单位，建议“不作为单位”：保留在任务原文中，不分配给任何组织",
                    new NewOrganization(unit.Canonical, OrganizationKind.Other, null));
            case { } kind:
                return new UnitProposal(unit, UnitMatchKind.NeedsChoice, [], CollectiveReason(kind),
                    new NewOrganization(unit.Canonical, OrganizationKind.Other, null));
        }
        var place = QualifiedNames.Qualify(unit.Canonical, scope.Chain);
        var suggestedName = place?.Name ?? unit.Canonical;
        var reason = place is null ? "未找到对应单位，建议新建" : $"未找到对应单位，建议按计划所在地区新建为“{place.Name}”（原写法作为别名）";
        return new UnitProposal(unit, UnitMatchKind.New, [], reason,
            new NewOrganization(suggestedName, OrganizationNames.GuessKind(suggestedName), place is null ? SuggestedRegion(suggestedName) : RegionOfNew(place.Region)));
    }

    /// <summary>各县（市、区）人民政府, 各县市区, 各县（区）教育局: one body in each region directly below the plan's.</summary>
    private UnitProposal? ExpandSubordinates(WrittenUnit unit)
    {
        if (scope.PlanRegion is not { } region) return null;
        if ((SubordinateUnits.Read(unit.Name) ?? SubordinateUnits.Read(unit.Canonical)) is not { } reading) return null;
        return ExpandSubordinates(unit, reading);
    }

    private UnitProposal? ExpandSubordinates(WrittenUnit unit, SubordinateUnits reading)
    {
        if (scope.PlanRegion is not { } region) return null;
        var regions = scope.Subordinates.ToList();
        if (regions.Count == 0) return null;

        var existing = new List<long>();
        var create = new List<NewOrganization>();
        foreach (var child in regions)
        {
            if (MemberIn(child, reading) is { } found) existing.Add(found);
            else create.Add(new NewOrganization(reading.NameIn(child), reading.IsGovernment ? OrganizationKind.Government : OrganizationKind.Department, child.Id));
        }
        var what = reading.IsGovernment ? "政府" : reading.Body;
        var reason = $"展开为{region.Name}下辖 {regions.Count} 个县级地区的{what}" + (create.Count > 0 ? $"，其中 {create.Count} 个尚未登记，将随导入新建" : "");
        return new UnitProposal(unit, UnitMatchKind.Collective, existing, reason, NewMembers: create);
    }

    /// <summary>
    /// 县人民政府教育督导室 in a city plan (市、县人民政府教育督导室): a level below the plan's, with no county of that name
    /// above it, means that body in each county-level region below.
    /// </summary>
    private SubordinateUnits? LowerLevel(string name)
    {
        if (LevelPrefix.Read(OrganizationNames.Normalize(name)) is not { YouthLeague: false } prefix) return null;
        if (prefix.Word is not ("县" or "区" or "旗") || prefix.Rest[0] == '委') return null;
        if (scope.Chain.Any(r => prefix.Names(OrganizationNames.Normalize(r.Name)))) return null;
        return prefix.Rest switch
        {
            "政府" or "人民政府" => new SubordinateUnits(SubordinateUnits.Government),
            var rest when rest.StartsWith("政府", StringComparison.Ordinal) => new SubordinateUnits("人民政府" + rest[2..]),
            var rest => new SubordinateUnits(rest),
        };
    }

    /// <summary>The body of one subordinate region: by its full name or an alias, else (for governments) its only government.</summary>
    private long? MemberIn(RegionRef region, SubordinateUnits reading)
    {
        var inRegion = candidates.Where(r => r.Candidate.Region.Id == region.Id).ToList();
        var name = OrganizationNames.Normalize(reading.NameIn(region));
        var named = inRegion.FirstOrDefault(r => OrganizationNames.Normalize(r.Candidate.Name) == name
            || r.Candidate.Aliases.Any(a => OrganizationNames.Normalize(a) == name));
        if (named is not null) return named.Candidate.Id;
        if (!reading.IsGovernment) return null;
        var governments = inRegion.Where(r => r.Candidate.Kind == OrganizationKind.Government).ToList();
        return governments.Count == 1 ? governments[0].Candidate.Id : null;
    }

    private UnitProposal? Schools(WrittenUnit unit)
    {
        if (scope.PlanRegion is not { } region) return null;
        List<Ranked> members = [.. candidates.Where(r => r.Candidate.Kind == OrganizationKind.School
            && (r.Candidate.Region.Id == region.Id || r.Candidate.Region.IsBelow(region)))];
        if (members.Count == 0) return null;
        return new UnitProposal(unit, UnitMatchKind.Collective,
            [.. members.OrderBy(r => r.Candidate.Region.Path, StringComparer.Ordinal).ThenBy(r => r.Candidate.Id).Select(r => r.Candidate.Id)],
            $"展开为{region.Name}及下辖地区已登记的 {members.Count} 所学校");
    }

    /// <summary>成员单位: the member units of the body the name points to (联席会议 or 领导小组), each matched as a unit of its own.</summary>
    private UnitProposal? BodyMembers(WrittenUnit unit, IReadOnlyList<GoverningBody> bodies)
    {
        if (scope.PlanRegion is not { } region) return null;
        var withMembers = bodies.Where(b => b.Members.Any(m => !string.IsNullOrWhiteSpace(m.Unit))).ToList();
        var name = OrganizationNames.Normalize(unit.Name);
        var body = withMembers.FirstOrDefault(b => name.Contains(OrganizationNames.Normalize(b.Name), StringComparison.Ordinal))
            ?? (name.Contains("联席会议", StringComparison.Ordinal) ? withMembers.FirstOrDefault(b => b.Kind == GoverningBodyKind.JointMeeting)
                : name.Contains("领导小组", StringComparison.Ordinal) ? withMembers.FirstOrDefault(b => b.Kind == GoverningBodyKind.LeadingGroup)
                : null)
            ?? (withMembers.Count == 1 ? withMembers[0] : null);
        if (body is null) return null;

        var existing = new List<long>();
        var create = new List<NewOrganization>();
        var unsettled = new List<string>();
        foreach (var member in body.Members.Select(m => m.Unit).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            // Member lists name units as task fields do (市人社局), so they are read to the same canonical names.
            var proposal = Single(new WrittenUnit(member, Parsing.Units.UnitAliasTable.Default.Canonicalize(member)));
            switch (proposal.Kind)
            {
                case UnitMatchKind.Exact or UnitMatchKind.Alias:
                    if (!existing.Contains(proposal.OrganizationIds[0])) existing.Add(proposal.OrganizationIds[0]);
                    break;
                // A member list may name departments by their field alone (教育、人社、发改): not names to create a body under.
                case UnitMatchKind.New when proposal.Suggestion is { } suggestion && LooksLikeOrganization(suggestion.Name):
                    // A member list names the bodies of the plan's own place: 总工会 in 中卫's joint meeting is 中卫市总工会.
                    var named = NamesAPlace(suggestion.Name) ? suggestion : suggestion with { Name = OrganizationNames.Normalize(region.Name) + suggestion.Name };
                    if (!create.Any(c => OrganizationNames.Normalize(c.Name) == OrganizationNames.Normalize(named.Name))) create.Add(named);
                    break;
                default:
                    unsettled.Add(member);
                    break;
            }
        }
        var reason = $"展开为「{body.Name}」的 {existing.Count + create.Count} 个成员单位" + (create.Count > 0 ? $"（{create.Count} 个将新建）" : "")
            + (unsettled.Count > 0 ? $"；{string.Join("、", unsettled)} 无法确定，未列入" : "");
        return new UnitProposal(unit, UnitMatchKind.Collective, existing, reason, NewMembers: create);
    }

    /// <summary>Whether a name already says where it is: a region of the chain or below, or its short form (平凉职业技术学院), or 中共/共青团.</summary>
    private bool NamesAPlace(string name)
    {
        var n = OrganizationNames.Normalize(name);
        if (n.StartsWith("中共", StringComparison.Ordinal) || n.StartsWith("共青团", StringComparison.Ordinal)) return true;
        return scope.Chain.Concat(scope.RegionsBelow).Select(r => OrganizationNames.Normalize(r.Name))
            .Any(r => n.StartsWith(r, StringComparison.Ordinal) || (r.Length > 2 && n.StartsWith(r[..^1], StringComparison.Ordinal)));
    }

    private static bool LooksLikeOrganization(string name) =>
        OrganizationNames.GuessKind(name) != OrganizationKind.Other || name.EndsWith("会", StringComparison.Ordinal) || name.EndsWith("院", StringComparison.Ordinal);

    /// <summary>A new organisation of the plan's own region is suggested with no region (it goes to the plan's); another region by id.</summary>
    private long? RegionOfNew(RegionRef region) => region.Id == scope.PlanRegion?.Id ? null : region.Id;

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

    private string CollectiveReason(CollectiveKind kind) => kind switch
    {
        CollectiveKind.SubordinateGovernments => $"集合单位：{scope.PlanRegion?.Name ?? "本计划的地区"}没有下辖地区，请选择对应单位、新建或“不作为单位”",
        CollectiveKind.Schools => $"集合单位：{scope.PlanRegion?.Name ?? "本地区"}尚未登记任何学校。可选“不作为单位”，或先在“单位”页登记学校后重新导入，或新建一个单位",
        CollectiveKind.BodyMembers => "成员单位：文件中没有读出该机构的成员名单，请选择对应单位或“不作为单位”",
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
