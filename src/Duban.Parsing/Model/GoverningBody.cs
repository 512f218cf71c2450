namespace Duban.Parsing.Model;

/// <summary>A leading group (领导小组) or joint meeting (联席会议) that the plan sets up.</summary>
public sealed record GoverningBody
{
    public required GoverningBodyKind Kind { get; init; }

    /// <summary>The body's name as written (平凉市职业教育工作部门联席会议).</summary>
    public required string Name { get; init; }

    public IReadOnlyList<BodyMember> Members { get; init; } = [];

    /// <summary>Where its office sits (办公室设在市教育局 → 市教育局).</summary>
    public string? Office { get; init; }

    public MeetingCadence? Cadence { get; init; }

    public required SourceSpan Span { get; init; }
}

public enum GoverningBodyKind
{
    LeadingGroup,
    JointMeeting,
}

/// <param name="Person">The member's name, when the list names people.</param>
/// <param name="Role">组长, 副组长, 成员, 总召集人, 召集人, 副召集人.</param>
/// <param name="RoleText">The role as written.</param>
/// <param name="Title">The member's post and unit (市委副书记、市长 / 市教育局局长).</param>
/// <param name="Unit">The organisation the post belongs to, when it can be read from the title (市教育局).</param>
public sealed record BodyMember(string? Person, MemberRole Role, string RoleText, string? Title, string? Unit, SourceSpan Span);

public enum MemberRole
{
    Chair,
    ViceChair,
    ChiefConvener,
    Convener,
    DeputyConvener,
    OfficeDirector,
    Member,
}

/// <summary>How often a body meets: 每半年召开一次 → 2 a year; 每年至少召开2次 → at least 2 a year.</summary>
public sealed record MeetingCadence(decimal TimesPerYear, bool AtLeast, string Raw, SourceSpan Span);
