using Duban.Core.Import;
using Duban.Core.Organizations;
using Duban.Core.Text;
using Microsoft.EntityFrameworkCore;
using Duban.Data.Audit;

namespace Duban.Data.Import;

/// <summary>
/// Carries out the unit decisions of an import: checks them, creates the new organisations, learns the aliases, and
/// tells for each unit name which organisations it stands for.
/// </summary>
internal sealed class UnitResolution
{
    private readonly Dictionary<string, IReadOnlyList<Organization>> byName = new(StringComparer.Ordinal);

    private UnitResolution()
    {
    }

    /// <summary>The organisations each decided unit name (as written) stands for.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Organization>> ByName => byName;

    public int OrganizationsCreated { get; private set; }

    public int AliasesLearnt { get; private set; }

    /// <summary>Refuses, before anything is written, decisions that are missing or cannot be carried out.</summary>
    public static void Check(ImportAnalysis analysis, ImportDecisions decisions)
    {
        var missing = analysis.UnitProposals.Select(p => p.Unit.Name).Where(name => !decisions.Units.ContainsKey(name)).ToList();
        if (missing.Count > 0) throw new UnmappedUnitsException(missing);
        foreach (var proposal in analysis.UnitProposals)
        {
            var name = proposal.Unit.Name;
            var problem = decisions.Units[name] switch
            {
                MapToOrganizations { OrganizationIds.Count: 0 } or ExpandCollective { MemberCount: 0 } => "没有选择任何组织",
                CreateOrganization create => NewNameProblem(create.Name),
                ExpandCollective expand => expand.MembersToCreate.Select(m => NewNameProblem(m.Name)).FirstOrDefault(p => p is not null),
                null => "没有决定",
                _ => null,
            };
            if (problem is not null) throw new PlanImportException(ImportErrorCodes.InvalidDecision, ImportFields.Units, $"单位“{name}”：{problem}。");
        }
    }

    private static string? NewNameProblem(string name) =>
        string.IsNullOrWhiteSpace(name) ? "新建单位的名称为空" : NameText.Problem(name, "新建单位的名称")?.TrimEnd('。');

    /// <summary>Applies the decisions to the context (the caller saves); organisations it creates go to <paramref name="planRegionId"/> unless a decision names another region.</summary>
    public static async Task<UnitResolution> ApplyAsync(
        DubanDbContext db, ImportAnalysis analysis, ImportDecisions decisions, long planRegionId, ImportAuditTrail audit, CancellationToken ct)
    {
        var resolution = new UnitResolution();
        var decided = analysis.UnitProposals.Select(p => (p.Unit.Name, Decision: decisions.Units[p.Unit.Name])).ToList();
        var existing = await LoadExistingAsync(db, decided.Select(d => d.Decision), ct);
        var aliasAudit = new AliasAudit(audit);

        foreach (var (name, decision) in decided)
        {
            switch (decision)
            {
                case MapToOrganizations map:
                    var mapped = Existing(existing, name, map.OrganizationIds);
                    if (map.RememberAlias && mapped.Count == 1 && aliasAudit.Learn(mapped[0], name)) resolution.AliasesLearnt++;
                    resolution.byName[name] = mapped;
                    break;
                case ExpandCollective expand:
                    resolution.byName[name] = Existing(existing, name, expand.OrganizationIds);
                    break;
                case NotAUnit:
                    // Kept in the task's text; no organisation answers for it.
                    resolution.byName[name] = [];
                    break;
            }
        }

        // Organisations to create: a unit decided as new, and the unregistered members of an expanded collective. Those
        // of one name in one region are one organisation (市人社局 and 市人力资源社会保障局, both created as
        // 市人力资源和社会保障局); a unit's written names become its aliases, a collective's name never does (各县市 is
        // not another name of 崆峒区人民政府).
        var creations = decided
            .SelectMany(d => d.Decision switch
            {
                CreateOrganization create => [(Written: d.Name, New: new NewOrganization(create.Name, create.Kind, create.RegionId), Alias: true)],
                ExpandCollective expand => expand.MembersToCreate.Select(m => (Written: d.Name, New: m, Alias: false)),
                _ => [],
            })
            .GroupBy(c => (OrganizationNames.Normalize(NameText.Normalize(c.New.Name.Trim())), c.New.RegionId ?? planRegionId))
            .ToList();
        var regionIds = creations.Select(c => c.Key.Item2).Distinct().ToList();
        await RequireRegionsAsync(db, regionIds, ct);
        var present = await ActiveInRegionsAsync(db, regionIds, ct);
        foreach (var group in creations)
        {
            var first = group.First().New;
            var regionId = group.Key.Item2;
            var organization = present.GetValueOrDefault(group.Key);
            if (organization is null)
            {
                organization = new Organization { Name = ColumnText.Fit(NameText.Normalize(first.Name.Trim()), 200), Kind = first.Kind, RegionId = regionId };
                foreach (var (written, _, alias) in group)
                    if (alias) Learn(organization, written);
                db.Organizations.Add(organization);
                present[group.Key] = organization;
                var created = organization;
                audit.Add(AuditActions.OrganizationCreate, AuditEntities.ImportedOrganization, () => created.Id, null, () => Image(created));
                resolution.OrganizationsCreated++;
            }
            else
            {
                // Asked to create what exists: a second organisation of the same name and region would only make every
                // later match ambiguous, so the unit goes to the one there is.
                foreach (var (written, _, alias) in group)
                    if (alias && aliasAudit.Learn(organization, written)) resolution.AliasesLearnt++;
            }
            foreach (var (written, _, alias) in group)
            {
                if (alias) resolution.byName[written] = [organization];
                else if (!resolution.byName[written].Contains(organization)) resolution.byName[written] = [.. resolution.byName[written], organization];
            }
        }
        return resolution;
    }

    private static async Task<Dictionary<long, Organization>> LoadExistingAsync(DubanDbContext db, IEnumerable<UnitDecision> decisions, CancellationToken ct)
    {
        var ids = decisions.SelectMany(d => d switch
        {
            MapToOrganizations map => map.OrganizationIds,
            ExpandCollective expand => expand.OrganizationIds,
            _ => [],
        }).Distinct().ToList();
        return await db.Organizations.Include(o => o.Aliases).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
    }

    private static List<Organization> Existing(Dictionary<long, Organization> loaded, string unit, IReadOnlyList<long> ids)
    {
        var organizations = new List<Organization>(ids.Count);
        foreach (var id in ids.Distinct())
        {
            if (!loaded.TryGetValue(id, out var organization) || !organization.IsActive || organization.MergedIntoId is not null)
            {
                throw new PlanImportException(ImportErrorCodes.UnknownOrganization, ImportFields.Units,
                    $"单位“{unit}”对应的组织（编号 {id}）不存在、已停用或已合并。");
            }
            organizations.Add(organization);
        }
        return organizations;
    }

    private static async Task RequireRegionsAsync(DubanDbContext db, List<long> regionIds, CancellationToken ct)
    {
        var found = await db.Regions.Where(r => regionIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        var missing = regionIds.Except(found).ToList();
        if (missing.Count > 0)
            throw new PlanImportException(ImportErrorCodes.UnknownRegion, ImportFields.Units, $"新建单位所在的地区（编号 {string.Join("、", missing)}）不存在。");
    }

    /// <summary>The active organisations of the regions new ones go to, by normalised name and region.</summary>
    private static async Task<Dictionary<(string, long), Organization>> ActiveInRegionsAsync(DubanDbContext db, List<long> regionIds, CancellationToken ct)
    {
        var organizations = await db.Organizations.Include(o => o.Aliases)
            .Where(o => regionIds.Contains(o.RegionId) && o.IsActive && o.MergedIntoId == null)
            .OrderBy(o => o.Id)
            .ToListAsync(ct);
        var byName = new Dictionary<(string, long), Organization>();
        foreach (var o in organizations) byName.TryAdd((OrganizationNames.Normalize(o.Name), o.RegionId), o);
        return byName;
    }

    /// <summary>Adds <paramref name="written"/> as an alias unless the organisation already goes by it.</summary>
    private static bool Learn(Organization organization, string written)
    {
        var normalized = OrganizationNames.Normalize(written);
        if (OrganizationNames.Normalize(organization.Name) == normalized) return false;
        if (organization.Aliases.Any(a => OrganizationNames.Normalize(a.Name) == normalized)) return false;
        organization.Aliases.Add(new OrganizationAlias { Name = ColumnText.Fit(written.Trim(), 200) });
        return true;
    }

    private static object Image(Organization o) =>
        new { o.Id, o.Name, o.Kind, o.RegionId, Aliases = o.Aliases.Select(a => a.Name).ToList() };

    /// <summary>One organization.alias entry per existing organisation that learns names, with its aliases before and after.</summary>
    private sealed class AliasAudit(ImportAuditTrail audit)
    {
        private readonly HashSet<Organization> audited = new(ReferenceEqualityComparer.Instance);

        public bool Learn(Organization organization, string written)
        {
            var before = Image(organization);
            if (!UnitResolution.Learn(organization, written)) return false;
            // The organisation's ETag covers its names, but a new alias row leaves the organisation's own row untouched,
            // so DubanDbContext would not stamp a new Version by itself.
            organization.Version = Guid.NewGuid();
            if (audited.Add(organization))
                audit.Add(AuditActions.OrganizationAlias, AuditEntities.ImportedOrganization, () => organization.Id, before, () => Image(organization));
            return true;
        }
    }
}
