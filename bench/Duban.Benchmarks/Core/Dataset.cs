using Duban.Core.Organizations;
using Duban.Core.Regions;

namespace Duban.Benchmarks.Core;

/// <summary>A region of the generated tree; <see cref="Index"/> is its position in <see cref="Dataset.Regions"/>, parents first.</summary>
public sealed record RegionSpec(int Index, string Name, RegionLevel Level, int? ParentIndex);

/// <summary>An organisation of the generated dataset, in the region at <see cref="RegionIndex"/>.</summary>
public sealed record OrganizationSpec(int Index, string Name, OrganizationKind Kind, int RegionIndex);

/// <summary>A generated plan document: its file name, the region it is imported into, and its text.</summary>
public sealed record PlanSpec(int Index, string FileName, int RegionIndex, string Text, int TaskCount);

/// <summary>
/// The benchmark's world: one province, its cities and counties, and the organisations in them. Plans are generated on
/// demand (<see cref="DatasetGenerator.Plan"/>), each from its own seed, so any subset is the same as in the full run.
/// </summary>
public sealed record Dataset(int Seed, IReadOnlyList<RegionSpec> Regions, IReadOnlyList<OrganizationSpec> Organizations)
{
    public RegionSpec Province => Regions[0];

    public IEnumerable<OrganizationSpec> In(int regionIndex) => Organizations.Where(o => o.RegionIndex == regionIndex);

    public IEnumerable<RegionSpec> Below(int regionIndex) => Regions.Where(r => r.ParentIndex == regionIndex);
}
