using Duban.Core.Security;
using Duban.Data;
using Duban.Web.Regions.Picking;
using Duban.Web.Security;
using Duban.Web.Users;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Components.Pages.Users;

/// <summary>The fields of the user forms, bound from the posted form; mutable because form binding fills it in place.</summary>
public sealed class UserForm
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public Role? Role { get; set; }
    public DataScope? Scope { get; set; }
    public long? OrganizationId { get; set; }
    public long? RegionId { get; set; }
    public string? Password { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }

    public static UserForm From(UserView user) => new()
    {
        UserName = user.UserName,
        DisplayName = user.DisplayName,
        Role = user.Role,
        Scope = user.Scope,
        OrganizationId = user.OrganizationId,
        RegionId = user.RegionId,
        IsActive = user.IsActive,
        Version = user.Version,
    };

    public NewUser ToNewUser() => new(UserName, DisplayName, Role, Scope, OrganizationId, RegionId, Password);

    public UserChanges ToChanges() => new(DisplayName, Role, Scope, IsActive, OrganizationId, RegionId);

    /// <summary>Shows an error of the users service next to its field; one without a field is left to the caller.</summary>
    /// <returns>True when the error was placed on a field.</returns>
    public static bool Show(Operations.OperationError error, EditContext edit, ValidationMessageStore messages)
    {
        var property = error.Field is { Length: > 0 } f ? char.ToUpperInvariant(f[0]) + f[1..] : null;
        if (property is null || typeof(UserForm).GetProperty(property) is null) return false;
        messages.Add(edit.Field(property), error.Message);
        edit.NotifyValidationStateChanged();
        return true;
    }
}

/// <summary>The regions (a picker, not the whole scope) and organisations an administrator may assign, for the user forms.</summary>
public sealed record UserFormChoices(RegionPickerView Regions, IReadOnlyList<UserFormChoices.OrganizationChoice> Organizations)
{
    public sealed record OrganizationChoice(long Id, string Name, string RegionName);

    /// <param name="region">The region chosen (posted, the user's own, or drilled down to).</param>
    /// <param name="search">The text of the picker's search, if any.</param>
    public static async Task<UserFormChoices> LoadAsync(DubanDbContext db, DubanUser admin, long? region, string? search, CancellationToken ct = default)
    {
        var regions = await RegionPicking.LoadAsync(db.Regions.AsNoTracking().VisibleTo(admin), region, search, ct);
        var organizations = await db.Organizations.AsNoTracking().VisibleTo(admin).Where(o => o.IsActive)
            .OrderBy(o => o.Region!.Path).ThenBy(o => o.Name)
            .Select(o => new OrganizationChoice(o.Id, o.Name, o.Region!.Name)).ToListAsync(ct);
        return new(regions, organizations);
    }
}
