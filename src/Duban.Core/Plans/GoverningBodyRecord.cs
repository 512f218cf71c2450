using Duban.Parsing.Model;

namespace Duban.Core.Plans;

/// <summary>A leading group or joint meeting a plan sets up, as stored.</summary>
public sealed class GoverningBodyRecord
{
    public long Id { get; set; }

    public long PlanId { get; set; }

    public GoverningBodyKind Kind { get; set; }

    public required string Name { get; set; }

    public string? Office { get; set; }

    public decimal? MeetingsPerYear { get; set; }

    public bool MeetingsAtLeast { get; set; }

    public List<BodyMemberRecord> Members { get; set; } = [];
}

public sealed class BodyMemberRecord
{
    public long Id { get; set; }

    public long BodyId { get; set; }

    public string? Person { get; set; }

    public MemberRole Role { get; set; }

    public string? Title { get; set; }

    public long? OrganizationId { get; set; }

    public string? UnitName { get; set; }
}
