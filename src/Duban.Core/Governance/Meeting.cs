using Duban.Core.Tracking.Reporting;

namespace Duban.Core.Governance;

/// <summary>A meeting a governing body held (例会 or 专题会), with its attendance, agenda and 会议纪要 (docs/governance.md).</summary>
public sealed class Meeting
{
    public long Id { get; set; }

    public long BodyId { get; set; }

    public DateOnly Date { get; set; }

    public MeetingKind Kind { get; set; } = MeetingKind.Regular;

    /// <summary>How the office names it (2026年上半年联席会议、第3次专题会议).</summary>
    public required string Title { get; set; }

    public string? Agenda { get; set; }

    /// <summary>The 会议纪要 as typed; an uploaded file is the evidence-style columns below (the current one of <see cref="MeetingMinutesFile"/>s), either or both.</summary>
    public string? MinutesText { get; set; }

    public string? MinutesFileName { get; set; }

    /// <summary>SHA-256 of the uploaded minutes in the evidence store.</summary>
    public string? MinutesSha256 { get; set; }

    public EvidenceType? MinutesType { get; set; }

    public long? MinutesSize { get; set; }

    public List<MeetingAttendee> Attendees { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public long? CreatedById { get; set; }

    public required string CreatedByName { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public const int MaxTitleLength = 200;

    public const int MaxAgendaLength = 4000;

    public const int MaxMinutesLength = 20000;
}

public enum MeetingKind
{
    /// <summary>例会: the meeting the cadence asks for.</summary>
    Regular = 1,
    /// <summary>专题会: called on one matter.</summary>
    Special = 2,
}

public static class MeetingKinds
{
    public static string Label(this MeetingKind kind) => kind switch
    {
        MeetingKind.Regular => "例会",
        MeetingKind.Special => "专题会",
        _ => kind.ToString(),
    };

    /// <summary>Reads the API's name (regular, special) or the Chinese label.</summary>
    public static MeetingKind? Parse(string? text) => text?.Trim() switch
    {
        null or "" => null,
        var t when t.Equals("regular", StringComparison.OrdinalIgnoreCase) || t == "例会" => MeetingKind.Regular,
        var t when t.Equals("special", StringComparison.OrdinalIgnoreCase) || t == "专题会" => MeetingKind.Special,
        _ => null,
    };
}

/// <summary>
/// One upload of a meeting's 会议纪要 file. Append-only: a replacement adds a row and the meeting points at the newest,
/// so an earlier file stays listed and can still be downloaded (the store keeps files by content hash).
/// </summary>
public sealed class MeetingMinutesFile
{
    public long Id { get; set; }

    public long MeetingId { get; set; }

    public required string FileName { get; set; }

    public required string Sha256 { get; set; }

    public EvidenceType Type { get; set; }

    public long Size { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public long? UploadedById { get; set; }

    public required string UploadedByName { get; set; }
}

/// <summary>A member unit at a meeting: present or absent. The unit is kept by name too, so attendance outlives a later correction of the members.</summary>
public sealed class MeetingAttendee
{
    public long Id { get; set; }

    public long MeetingId { get; set; }

    public long? OrganizationId { get; set; }

    public required string UnitName { get; set; }

    public bool Attended { get; set; }
}
