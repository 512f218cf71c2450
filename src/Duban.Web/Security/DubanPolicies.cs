using Duban.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace Duban.Web.Security;

/// <summary>
/// The authorization rules an endpoint or page can declare. Every endpoint must declare one of these policies, or
/// [AllowAnonymous]; a test reads the route table and fails on any endpoint that declares neither, and the fallback
/// policy closes such an endpoint to anonymous visitors in the meantime.
/// </summary>
public static class DubanPolicies
{
    /// <summary>Any signed-in user, whatever the role; data is still filtered by the user's scope.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>管理员 only.</summary>
    public const string Admin = "admin";

    /// <summary>管理员 or 督查员: the pages that show the administration's data read-only to inspectors.</summary>
    public const string Oversight = "oversight";

    /// <summary>管理员 with data scope 全部: settings that act on every region, such as the outgoing webhooks.</summary>
    public const string FullAdmin = "admin-all";

    /// <summary>填报员 only: writing progress reports, indicator values and evidence, which nobody may do on a reporter's behalf.</summary>
    public const string Reporter = "reporter";

    /// <summary>填报员 or 管理员: a statement an organisation makes and the office may make for it (摸底), never an inspector.</summary>
    public const string ReporterOrAdmin = "reporter-or-admin";

    public static IReadOnlyList<string> All { get; } = [SignedIn, Admin, Oversight, FullAdmin, Reporter, ReporterOrAdmin];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().RequireClaim(DubanClaimTypes.UserId));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Admin)));
        options.AddPolicy(Oversight, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Admin), nameof(Role.Inspector)));
        options.AddPolicy(FullAdmin, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Admin)).RequireClaim(DubanClaimTypes.Scope, nameof(DataScope.All)));
        options.AddPolicy(Reporter, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Reporter)));
        options.AddPolicy(ReporterOrAdmin, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Reporter), nameof(Role.Admin)));
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
