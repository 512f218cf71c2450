using System.Globalization;
using Duban.Core.Security;
using Duban.Data.Import;
using Duban.Web.Security;

namespace Duban.Web.Import;

/// <summary>
/// What a signed-in administrator answers for when importing, from <see cref="Responsibility"/>: the plans it may
/// revise, the regions it may file plans under, its own region to create new regions below. Scope 全部 may also create
/// regions at the top of the tree; an administrator of one organisation (scope 本单位) answers for no region and so
/// imports nothing. See docs/import.md, "Who may import what".
/// </summary>
public static class ImportAuthorities
{
    public static ImportAuthority For(DubanUser admin) => new(
        plans => plans.ActionableBy(admin),
        regions => regions.ActionableBy(admin),
        HomeRegionId: admin is { Role: Role.Admin, Scope: DataScope.RegionAndBelow } ? LastId(admin.ScopeRegionPath) : null,
        TopLevel: admin is { Role: Role.Admin, Scope: DataScope.All });

    /// <summary>The region a path ("/1/5/") ends with: the one the scope starts at.</summary>
    private static long? LastId(string? path) =>
        path?.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() is { } last
        && long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
