namespace Duban.Data.Import;

/// <summary>Who imports, for the audit log and <c>PlanVersion.ImportedById</c>: a signed-in user, or the command line.</summary>
/// <param name="Name">What the audit log shows as the actor (user name, or cli:login).</param>
/// <param name="RemoteAddress">Where the request came from; null for the command line.</param>
public sealed record ImportActor(string Name, long? UserId = null, string? RemoteAddress = null);
