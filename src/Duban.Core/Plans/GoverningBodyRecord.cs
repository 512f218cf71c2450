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

    /// <summary>The cadence as the document words it (原则上每半年召开一次例会).</summary>
    public string? CadenceText { get; set; }

    /// <summary>The organisation the office (办公室) sits in: it is reminded of meetings due and flagged when one is missed.</summary>
    public long? OfficeOrganizationId { get; set; }

    /// <summary>The day the cadence is judged from; null: the plan's tracking start, else the day the plan was imported.</summary>
    public DateOnly? CadenceFrom { get; set; }

    /// <summary>When an administrator last corrected the body by hand; a revision import then leaves it as corrected.</summary>
    public DateTimeOffset? CorrectedAt { get; set; }

    public string? CorrectedByName { get; set; }

    public List<BodyMemberRecord> Members { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();

    public const int MaxNameLength = 300;

    public const int MaxOfficeLength = 200;

    public const int MaxCadenceTextLength = 200;

    public static string KindLabel(GoverningBodyKind kind) => kind == GoverningBodyKind.LeadingGroup ? "领导小组" : "联席会议";

    public static string RoleLabel(MemberRole role) => role switch
    {
        MemberRole.Chair => "组长",
        MemberRole.ViceChair => "副组长",
        MemberRole.ChiefConvener => "总召集人",
        MemberRole.Convener => "召集人",
        MemberRole.DeputyConvener => "副召集人",
        MemberRole.OfficeDirector => "办公室主任",
        _ => "成员",
    };
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
