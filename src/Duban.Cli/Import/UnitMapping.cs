using Duban.Core.Import;
using Duban.Data;
using Duban.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace Duban.Cli;

/// <summary>
/// One <c>--map UNIT=ORG</c>: the unit as the document writes it (or the parser's canonical name for it) and the
/// organisation it stands for, by id or by exact name; or what the wizard's other choices are: <c>none</c> (不作为单位),
/// <c>new</c> / <c>new:名称</c> (create it), <c>expand</c> (a collective, with its unregistered members created). This is
/// how a script settles what the wizard's person would: an ambiguous unit, an unmatched one that is an existing
/// organisation under another name, a placeholder, a collective.
/// </summary>
internal sealed record UnitMapping(string Unit, string Organization)
{
    /// <summary>The mapping written as <c>UNIT=ORG</c>, or null when either side is missing.</summary>
    public static UnitMapping? Parse(string text)
    {
        var at = text.IndexOf('=');
        if (at <= 0) return null;
        var unit = text[..at].Trim();
        var organization = text[(at + 1)..].Trim();
        return unit.Length == 0 || organization.Length == 0 ? null : new UnitMapping(unit, organization);
    }

    public override string ToString() => $"{Unit}={Organization}";
}

/// <summary>The <c>--map</c> options with each organisation looked up once, before any file is imported.</summary>
internal sealed class ResolvedUnitMappings
{
    private readonly Dictionary<string, long> byUnit = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> special = new(StringComparer.Ordinal);
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    private ResolvedUnitMappings()
    {
    }

    public static ResolvedUnitMappings Empty { get; } = new();

    /// <summary>The mappings, or the problems (one per mapping that names no single active organisation).</summary>
    public static async Task<(ResolvedUnitMappings? Mappings, IReadOnlyList<InputProblem> Problems)> ResolveAsync(
        DubanDbContext db, IReadOnlyList<UnitMapping> maps, CancellationToken ct)
    {
        var resolved = new ResolvedUnitMappings();
        var problems = new List<InputProblem>();
        foreach (var map in maps)
        {
            if (resolved.byUnit.ContainsKey(map.Unit) || resolved.special.ContainsKey(map.Unit))
            {
                problems.Add(new InputProblem("import.mapTwice", $"--map {map}：单位「{map.Unit}」指定了不止一次"));
                continue;
            }
            if (IsSpecial(map.Organization))
            {
                resolved.special[map.Unit] = map.Organization;
                continue;
            }
            // A merged or deactivated organisation is not a place for new assignments.
            var active = db.Organizations.AsNoTracking().Where(o => o.IsActive && o.MergedIntoId == null);
            var ids = long.TryParse(map.Organization, out var id)
                ? await active.Where(o => o.Id == id).Select(o => o.Id).ToListAsync(ct)
                : await active.Where(o => o.Name == map.Organization).Select(o => o.Id).ToListAsync(ct);
            switch (ids.Count)
            {
                case 1:
                    resolved.byUnit[map.Unit] = ids[0];
                    break;
                case 0:
                    problems.Add(new InputProblem("import.mapUnknownOrganization", $"--map {map}：没有找到编号或全称为「{map.Organization}」的在用组织"));
                    break;
                default:
                    problems.Add(new InputProblem("import.mapAmbiguousOrganization",
                        $"--map {map}：有 {ids.Count} 个组织叫「{map.Organization}」（编号 {string.Join("、", ids)}），请改用编号"));
                    break;
            }
        }
        return problems.Count == 0 ? (resolved, []) : (null, problems);
    }

    private static bool IsSpecial(string value) => value is "none" or "new" or "expand" || value.StartsWith("new:", StringComparison.Ordinal);

    /// <summary>
    /// The proposals' defaults with the mapped units replaced (a mapped alias is remembered for the next import), then
    /// the decisions of a <c>--decisions</c> file over them.
    /// </summary>
    public ImportDecisions Apply(ImportAnalysis analysis, bool createUnmatched, ImportDecisions? fromFile = null)
    {
        var decisions = new Dictionary<string, UnitDecision>(analysis.DefaultDecisions(createUnmatched).Units, StringComparer.Ordinal);
        foreach (var proposal in analysis.UnitProposals)
        {
            var key = new[] { proposal.Unit.Name, proposal.Unit.Canonical }.FirstOrDefault(k => byUnit.ContainsKey(k) || special.ContainsKey(k));
            if (key is null) continue;
            used.Add(key);
            if (byUnit.TryGetValue(key, out var id))
            {
                decisions[proposal.Unit.Name] = new MapToOrganizations([id], RememberAlias: true);
                continue;
            }
            var suggested = proposal.Suggestion ?? new NewOrganization(proposal.Unit.Canonical, Core.Organizations.OrganizationKind.Other, null);
            UnitDecision? decision = special[key] switch
            {
                "none" => new NotAUnit(),
                "new" => new CreateOrganization(suggested.Name, suggested.Kind, suggested.RegionId),
                "expand" when proposal.Kind == UnitMatchKind.Collective => new ExpandCollective(proposal.OrganizationIds, proposal.MembersToCreate),
                var value when value.StartsWith("new:", StringComparison.Ordinal) => new CreateOrganization(value[4..].Trim(), suggested.Kind, suggested.RegionId),
                _ => null,
            };
            if (decision is null) decisions.Remove(proposal.Unit.Name);
            else decisions[proposal.Unit.Name] = decision;
        }
        foreach (var (unit, decision) in fromFile?.Units ?? new Dictionary<string, UnitDecision>()) decisions[unit] = decision;
        return new ImportDecisions(decisions, fromFile?.AllowWithoutTasks ?? false, fromFile?.TaskEdits);
    }

    /// <summary>Mapped units that no imported file mentioned: most likely a typing mistake.</summary>
    public IEnumerable<string> Unused => byUnit.Keys.Concat(special.Keys).Where(k => !used.Contains(k));
}
