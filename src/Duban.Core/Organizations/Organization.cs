using Duban.Core.Regions;

namespace Duban.Core.Organizations;

/// <summary>部门 / 单位 / 学校: an organisation that can be responsible for tasks, in a region.</summary>
public sealed class Organization
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public OrganizationKind Kind { get; set; }

    public long RegionId { get; set; }

    public Region? Region { get; set; }

    /// <summary>Other names it goes by (市人社局 for 市人力资源和社会保障局), learnt from imports.</summary>
    public List<OrganizationAlias> Aliases { get; set; } = [];

    /// <summary>When merged into another organisation, the one that absorbed it; merged organisations are inactive.</summary>
    public long? MergedIntoId { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Optimistic concurrency: changes with every update, exposed as the ETag.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

public sealed class OrganizationAlias
{
    public long Id { get; set; }

    public long OrganizationId { get; set; }

    public required string Name { get; set; }
}

public enum OrganizationKind
{
    Department = 1,
    Government = 2,
    School = 3,
    Enterprise = 4,
    Other = 9,
}
