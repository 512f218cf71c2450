namespace Duban.Data.Import;

/// <summary>Which region a plan is imported into: it scopes unit matching and collective expansion, and new units go there.</summary>
public abstract record PlanRegion
{
    /// <summary>A region that must exist.</summary>
    public sealed record Existing(long Id) : PlanRegion;

    /// <summary>The region of this name; created (top level) with the plan if there is none.</summary>
    public sealed record Named(string Name) : PlanRegion;

    /// <summary>
    /// The region the issuer or title names (平凉市人民政府 → 平凉市), created if missing; <see cref="ImportOptions.UnknownRegionName"/>
    /// when neither names a place.
    /// </summary>
    public sealed record FromDocument : PlanRegion;
}

/// <summary>The region an analysis settled on. <see cref="Id"/> is null for a region the confirmation will create.</summary>
public sealed record AnalyzedRegion(long? Id, string Name, string? Path)
{
    public bool IsNew => Id is null;
}
