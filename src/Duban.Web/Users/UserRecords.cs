using Duban.Core.Security;

namespace Duban.Web.Users;

/// <summary>A user as pages and the API show it: never the password hash.</summary>
/// <param name="Version">Changes with every update; the API sends it as the ETag and pages keep it in a hidden field.</param>
public sealed record UserView(
    long Id,
    string UserName,
    string DisplayName,
    Role Role,
    DataScope Scope,
    long? OrganizationId,
    string? OrganizationName,
    long? RegionId,
    string? RegionName,
    bool IsActive,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    Guid Version);

/// <summary>A new user. Fields are nullable so that a missing one is reported by name, in Chinese, not as a binding failure.</summary>
/// <param name="Password">The initial password; when absent a random one is made and returned once.</param>
public sealed record NewUser(
    string? UserName,
    string? DisplayName,
    Role? Role,
    DataScope? Scope,
    long? OrganizationId = null,
    long? RegionId = null,
    string? Password = null);

/// <summary>The editable fields of a user, all replaced at once.</summary>
public sealed record UserChanges(
    string? DisplayName,
    Role? Role,
    DataScope? Scope,
    bool? IsActive,
    long? OrganizationId = null,
    long? RegionId = null);

/// <param name="InitialPassword">The password made for the user when none was given: shown this once, never stored in clear.</param>
public sealed record CreatedUser(UserView User, string? InitialPassword);

/// <summary>Filters of the user list.</summary>
public sealed record UserFilter(string? Search = null, Role? Role = null, bool? Active = null)
{
    /// <summary>The users of one organisation.</summary>
    public long? OrganizationId { get; init; }
}

/// <summary>What the audit log keeps of a user: the fields an administrator can change, never the password hash.</summary>
internal sealed record UserSnapshot(string UserName, string DisplayName, Role Role, DataScope Scope, long? OrganizationId, long? RegionId, bool IsActive)
{
    public static UserSnapshot Of(Duban.Core.Users.User u) => new(u.UserName, u.DisplayName, u.Role, u.Scope, u.OrganizationId, u.RegionId, u.IsActive);
}
