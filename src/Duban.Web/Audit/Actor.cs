using Duban.Web.Security;

namespace Duban.Web.Audit;

/// <summary>Who made a change and from where, as the audit log records it.</summary>
public sealed record Actor(long? UserId, string Name, string? RemoteAddress)
{
    /// <summary>Changes the application makes by itself: schema set-up, demo data, the first administrator from configuration.</summary>
    public static Actor System { get; } = new(null, "system", null);

    public static Actor From(HttpContext context)
    {
        var user = DubanUser.From(context.User);
        var address = context.Connection.RemoteIpAddress?.ToString();
        return user is null ? new(null, "anonymous", address) : new(user.Id, user.UserName, address);
    }
}
