using Duban.Core.Organizations;
using Duban.Data;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Organizations;

/// <summary>The filters of the 组织机构 list: a region (with or without the regions below it), a name, a kind.</summary>
/// <param name="Search">Part of the name or of an alias.</param>
/// <param name="Below">Also the organisations of every region below <paramref name="RegionId"/>.</param>
public sealed record OrganizationListFilter(long? RegionId, string? Search = null, OrganizationKind? Kind = null, bool Below = false)
{
    /// <summary>Reads the kind as a client wrote it (department, government…); null text is no filter, an unknown one is refused.</summary>
    public static bool TryKind(string? text, out OrganizationKind? kind)
    {
        kind = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!Enum.TryParse<OrganizationKind>(text.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(text, out _)) return false;
        kind = parsed;
        return true;
    }

    public const string KindHelp = "kind（类型）必须是 department（部门）、government（人民政府）、school（学校）、enterprise（企业）或 other（其他）。";

    /// <summary>The query string of the filter for a link (the export beside the list).</summary>
    public string Query => string.Join("&", new[]
    {
        RegionId is { } region ? $"regionId={region}" : null,
        string.IsNullOrWhiteSpace(Search) ? null : $"q={Uri.EscapeDataString(Search.Trim())}",
        Kind is { } kind ? $"kind={System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString())}" : null,
        Below ? "below=true" : null,
    }.Where(p => p is not null));
}

/// <summary>One row of the 组织机构 list.</summary>
public sealed record OrganizationRow(long Id, string Name, OrganizationKind Kind, long RegionId, string RegionName, IReadOnlyList<string> Aliases);

/// <summary>
/// The active organisations the user sees through the list's filters, for the 组织机构 page and its export alike, so
/// that the file holds the rows the page lists: the page reads them whole (<see cref="ListAsync"/>), the export their
/// ids in the list's order and then the rows a batch at a time (<see cref="IdsAsync"/>, <see cref="RowsAsync"/>).
/// </summary>
public sealed class OrganizationList(DubanDbContext db)
{
    public async Task<List<OrganizationRow>> ListAsync(DubanUser user, OrganizationListFilter filter, CancellationToken ct) =>
        await Rows(await OrderedAsync(user, filter, ct)).ToListAsync(ct);

    /// <summary>The ids of the list's organisations in its order, at most <paramref name="max"/> (an export's bounded count).</summary>
    public async Task<List<long>> IdsAsync(DubanUser user, OrganizationListFilter filter, int max, CancellationToken ct) =>
        await (await OrderedAsync(user, filter, ct)).Select(o => o.Id).Take(max).ToListAsync(ct);

    /// <summary>The rows of these organisations, in the order of <paramref name="ids"/>; one removed meanwhile is left out.</summary>
    public async Task<List<OrganizationRow>> RowsAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var wanted = ids.ToList();
        var rows = await Rows(db.Organizations.AsNoTracking().Where(o => EF.Parameter(wanted).Contains(o.Id)).OrderBy(o => o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return wanted.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    private async Task<IQueryable<Organization>> OrderedAsync(DubanUser user, OrganizationListFilter filter, CancellationToken ct)
    {
        var organizations = db.Organizations.AsNoTracking().VisibleTo(user).Where(o => o.IsActive);
        if (filter.RegionId is { } regionId)
        {
            if (filter.Below)
            {
                // An unknown region matches nothing rather than everything.
                var path = await db.Regions.Where(r => r.Id == regionId).Select(r => r.Path).SingleOrDefaultAsync(ct) ?? "?";
                organizations = organizations.Where(o => o.Region!.Path.StartsWith(path));
            }
            else organizations = organizations.Where(o => o.RegionId == regionId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim();
            organizations = organizations.Where(o => o.Name.Contains(s) || o.Aliases.Any(a => a.Name.Contains(s)));
        }
        if (filter.Kind is { } kind) organizations = organizations.Where(o => o.Kind == kind);
        return organizations.OrderBy(o => o.Region!.Path).ThenBy(o => o.Name).ThenBy(o => o.Id);
    }

    private static IQueryable<OrganizationRow> Rows(IQueryable<Organization> organizations) =>
        organizations.Select(o => new OrganizationRow(o.Id, o.Name, o.Kind, o.RegionId, o.Region!.Name, o.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList()));
}
