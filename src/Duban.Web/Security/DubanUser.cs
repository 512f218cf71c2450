using System.Globalization;
using System.Security.Claims;
using Duban.Core.Security;

namespace Duban.Web.Security;

/// <summary>The claims a signed-in user carries, the same whether the request came with a cookie or an API token.</summary>
public static class DubanClaimTypes
{
    public const string UserId = ClaimTypes.NameIdentifier;
    public const string UserName = ClaimTypes.Name;
    public const string Role = ClaimTypes.Role;
    public const string DisplayName = "duban:display_name";
    public const string Scope = "duban:scope";
    public const string OrganizationId = "duban:organization";
    public const string RegionId = "duban:region";

    /// <summary>The path ("/1/5/") of the region the user's data scope starts at: see <see cref="DubanUser.ScopeRegionPath"/>.</summary>
    public const string RegionPath = "duban:region_path";

    /// <summary>
    /// The user's <see cref="Duban.Core.Users.User.SecurityStamp"/> at sign-in: it changes with the password, role,
    /// scope, organisation or deactivation, and a cookie whose stamp no longer matches is refused.
    /// </summary>
    public const string SecurityStamp = "duban:security_stamp";
}

/// <summary>Who is asking: read from the claims of the request, checked against the database on every request.</summary>
/// <param name="ScopeRegionPath">
/// The region the data scope starts at: the user's region for <see cref="DataScope.RegionAndBelow"/>, the region of the
/// user's organisation for <see cref="DataScope.Own"/>, none for <see cref="DataScope.All"/> or when the user has no region.
/// </param>
public sealed record DubanUser(
    long Id,
    string UserName,
    string DisplayName,
    Role Role,
    DataScope Scope,
    long? OrganizationId,
    long? RegionId,
    string? ScopeRegionPath)
{
    public bool IsAdmin => Role == Role.Admin;

    public static DubanUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        if (!long.TryParse(principal.FindFirstValue(DubanClaimTypes.UserId), CultureInfo.InvariantCulture, out var id)) return null;
        if (!Enum.TryParse<Role>(principal.FindFirstValue(DubanClaimTypes.Role), out var role)) return null;
        if (!Enum.TryParse<DataScope>(principal.FindFirstValue(DubanClaimTypes.Scope), out var scope)) return null;
        return new DubanUser(
            id,
            principal.FindFirstValue(DubanClaimTypes.UserName) ?? "",
            principal.FindFirstValue(DubanClaimTypes.DisplayName) ?? "",
            role,
            scope,
            OptionalId(principal, DubanClaimTypes.OrganizationId),
            OptionalId(principal, DubanClaimTypes.RegionId),
            principal.FindFirstValue(DubanClaimTypes.RegionPath));
    }

    /// <summary>The signed-in user of a request that passed an authorization policy requiring one.</summary>
    public static DubanUser Required(ClaimsPrincipal principal) =>
        From(principal) ?? throw new InvalidOperationException("The endpoint requires a signed-in user but the request has none; check its authorization rule.");

    private static long? OptionalId(ClaimsPrincipal principal, string type) =>
        long.TryParse(principal.FindFirstValue(type), CultureInfo.InvariantCulture, out var id) ? id : null;
}
