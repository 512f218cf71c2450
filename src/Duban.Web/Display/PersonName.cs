namespace Duban.Web.Display;

/// <summary>
/// How a person who acted is shown: pages read the display name (演示管理员) from the user's row by id, never the user
/// name (admin), which is a sign-in identifier and what the audit log keeps; what the system did itself is 系统.
/// </summary>
public static class PersonName
{
    /// <summary>The name the application acts under (Duban.Data.Audit.Actor.System), as the escalation job stores it.</summary>
    public const string SystemActor = "system";

    /// <summary>Queries compare the stored name with <see cref="SystemActor"/> and show this instead, in SQL.</summary>
    public const string System = "系统（自动督办）";
}
