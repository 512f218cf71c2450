using Duban.Core.Import;
using Duban.Data;
using Duban.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace Duban.Cli;

/// <summary>
/// One <c>--map UNIT=ORG</c>: the unit as the document writes it (or the parser's canonical name for it) and the
/// organisation it stands for, by id or by exact name. This is how a script settles what the wizard's person would:
/// an ambiguous unit, or an unmatched one that is an existing organisation under another name.
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
            if (resolved.byUnit.ContainsKey(map.Unit))
            {
                problems.Add(new InputProblem("import.mapTwice", $"--map {map}：单位「{map.Unit}」指定了不止一次"));
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

    /// <summary>The proposals' defaults with the mapped units replaced; a mapped alias is remembered for the next import.</summary>
    public ImportDecisions Apply(ImportAnalysis analysis, bool createUnmatched)
    {
        var decisions = new Dictionary<string, UnitDecision>(analysis.DefaultDecisions(createUnmatched).Units, StringComparer.Ordinal);
        foreach (var proposal in analysis.UnitProposals)
        {
            var key = byUnit.ContainsKey(proposal.Unit.Name) ? proposal.Unit.Name
                : byUnit.ContainsKey(proposal.Unit.Canonical) ? proposal.Unit.Canonical
                : null;
            if (key is null) continue;
            used.Add(key);
            decisions[proposal.Unit.Name] = new MapToOrganizations([byUnit[key]], RememberAlias: true);
        }
        return new ImportDecisions(decisions);
    }

    /// <summary>Mapped units that no imported file mentioned: most likely a typing mistake.</summary>
    public IEnumerable<string> Unused => byUnit.Keys.Where(k => !used.Contains(k));
}
