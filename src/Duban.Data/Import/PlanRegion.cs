namespace Duban.Data.Import;

/// <summary>Which region a plan is imported into: it scopes unit matching and collective expansion, and new units go there.</summary>
public abstract record PlanRegion
{
    /// <summary>A region that must exist.</summary>
    public sealed record Existing(long Id) : PlanRegion;

    /// <summary>The region of this name; created with the plan if there is none (see <see cref="ImportAuthority"/> for where).</summary>
    public sealed record Named(string Name) : PlanRegion;

    /// <summary>
    /// The region the issuer or title names (平凉市人民政府 → 平凉市), created if missing; when neither names a place, the
    /// importer's own region (<see cref="ImportAuthority.HomeRegionId"/>), else <see cref="ImportOptions.UnknownRegionName"/>.
    /// </summary>
    public sealed record FromDocument : PlanRegion;
}

/// <summary>The region an analysis settled on. <see cref="Id"/> is null for a region the confirmation will create.</summary>
/// <param name="ParentId">For a region to create: the region it goes below; null for the top of the tree.</param>
public sealed record AnalyzedRegion(long? Id, string Name, string? Path, long? ParentId = null)
{
    public bool IsNew => Id is null;
}
