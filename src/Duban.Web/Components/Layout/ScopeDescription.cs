using Duban.Core.Security;
using Duban.Data;
using Duban.Web.Display;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Components.Layout;

/// <summary>
/// The user's data scope in words, with what it is anchored to, as the top bar shows it: 全部, 本区域及下级（清河市）,
/// 本单位（清河市教育局）. The claims carry ids only; the names are read here (two primary-key lookups at most).
/// </summary>
public static class ScopeDescription
{
    public static async Task<string> ForAsync(DubanDbContext db, DubanUser user, CancellationToken ct)
    {
        var anchor = user.Scope switch
        {
            DataScope.Own when user.OrganizationId is { } org =>
                await db.Organizations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Name).SingleOrDefaultAsync(ct),
            DataScope.RegionAndBelow when user.RegionId is { } region =>
                await db.Regions.AsNoTracking().Where(r => r.Id == region).Select(r => r.Name).SingleOrDefaultAsync(ct),
            _ => null,
        };
        return ChineseText.Name(user.Scope) + (anchor is null ? "" : $"（{anchor}）");
    }
}
