using Duban.Core.Governance;
using Duban.Core.Tracking.Status;
using Duban.Parsing.Model;
using Duban.Web.Plans;

namespace Duban.Web.Governance;

/// <summary>A governing body in a list: what it is, its office and cadence, and whether the cadence was missed.</summary>
public sealed record BodySummary(long Id, long PlanId, string PlanTitle, GoverningBodyKind Kind, string KindLabel, string Name, string? Office,
    long? OfficeOrganizationId, string? OfficeOrganization, decimal? MeetingsPerYear, bool MeetingsAtLeast, string? CadenceText, string CadenceLabel,
    int MemberCount, int MeetingCount, DateOnly? LastMeeting, bool Flagged, string? FlagText, Guid Version);

/// <param name="Post">The member's post as written (市政府分管教育工作的副市长).</param>
public sealed record MemberView(long Id, MemberRole Role, string RoleLabel, string? Person, string? Post, string? UnitName, long? OrganizationId, string? Organization);

public sealed record WindowView(int Year, int Index, string Label, DateOnly Start, DateOnly End, WindowState State, string StateLabel, bool DueSoon, IReadOnlyList<DateOnly> Meetings);

public sealed record MeetingSummary(long Id, long BodyId, DateOnly Date, MeetingKind Kind, string KindLabel, string Title, int Attended, int Absent,
    int Decisions, int OpenDecisions, bool HasMinutes);

/// <summary>A member unit's attendance over the body's meetings.</summary>
public sealed record AttendanceView(long? OrganizationId, string UnitName, int Attended, int Absent);

/// <summary>A 议定事项: the task it became, with its status.</summary>
public sealed record DecisionView(long TaskId, long MeetingId, string MeetingTitle, DateOnly MeetingDate, string No, string Text, DateOnly? Due, string? DeadlineRaw,
    IReadOnlyList<UnitView> Leads, IReadOnlyList<UnitView> Cooperating, TrackingStatus? Status, string StatusLabel, bool Closed);

public sealed record BodyDetail(BodySummary Body, IReadOnlyList<MemberView> Members, DateOnly? CadenceFrom, DateOnly? CadenceJudgedFrom, IReadOnlyList<WindowView> Windows,
    IReadOnlyList<MeetingSummary> Meetings, IReadOnlyList<AttendanceView> Attendance, IReadOnlyList<DecisionView> OpenDecisions,
    IReadOnlyList<DecisionView> ClosedDecisions, bool CanAdminister, DateTimeOffset? CorrectedAt, string? CorrectedByName);

public sealed record MeetingAttendeeView(long? OrganizationId, string UnitName, bool Attended);

/// <summary>One upload of a meeting's 会议纪要 file; the newest is the current one, the earlier ones stay downloadable.</summary>
public sealed record MinutesFileView(long Id, string FileName, long Size, DateTimeOffset UploadedAt, string UploadedByName, bool Current);

/// <param name="Number">Which meeting of the body it is (第N次), counted by date.</param>
/// <param name="PreviousMeetingId">The body's meeting before this one, whose decisions the next meeting hears (上次会议).</param>
/// <param name="PreviousOpen">上次会议议定事项落实情况: the decisions of the body's earlier meetings not yet completed, with their status.</param>
/// <param name="MinutesFiles">Every upload of the minutes file, newest first.</param>
public sealed record MeetingDetail(long Id, long BodyId, string BodyName, long PlanId, int Number, DateOnly Date, MeetingKind Kind, string KindLabel, string Title, string? Agenda,
    string? MinutesText, string? MinutesFileName, long? MinutesSize, IReadOnlyList<MinutesFileView> MinutesFiles, IReadOnlyList<MeetingAttendeeView> Attendees,
    IReadOnlyList<DecisionView> Decisions, long? PreviousMeetingId, IReadOnlyList<DecisionView> PreviousOpen, long? TaskListId, bool CanAdminister,
    string CreatedByName, DateTimeOffset CreatedAt, Guid Version);

/// <summary>A meeting due or held, for calendars (the iCalendar feed): its day (a window's last day when not held yet), title and page.</summary>
/// <param name="Held">A meeting on record; otherwise a window of the cadence still open or to come.</param>
public sealed record ScheduledMeeting(long BodyId, string BodyName, DateOnly Date, DateOnly? WindowStart, string Title, string Link, bool Held);

// ---- inputs ----

/// <param name="Role">chair, viceChair, chiefConvener, convener, deputyConvener, officeDirector, member (or 组长, 召集人, 成员 …).</param>
public sealed record MemberInput(string? Role, string? Person, string? Post, string? UnitName, long? OrganizationId);

/// <summary>PUT /api/v1/bodies/{id}: the fields given replace the stored ones; a field left out stays as it is.</summary>
public sealed record BodyCorrection(string? Name, string? Office, long? OfficeOrganizationId, decimal? MeetingsPerYear, bool? MeetingsAtLeast,
    DateOnly? CadenceFrom, IReadOnlyList<MemberInput>? Members);

public sealed record AttendeeInput(long? OrganizationId, string? UnitName, bool? Attended);

/// <param name="Attendees">The member units present (attended true or left out) and absent (false); a member unit not listed is absent.</param>
public sealed record MeetingInput(DateOnly? Date, string? Kind, string? Title, string? Agenda, string? MinutesText, IReadOnlyList<AttendeeInput>? Attendees);

/// <summary>PUT /api/v1/meetings/{id}: the fields given replace the stored ones, a field left out stays; an empty agenda or minutes text clears it, an empty title is generated from the date.</summary>
/// <param name="Attendees">Attendance as a whole: the units listed as present (attended true or left out) or absent; a unit already on record and not listed is absent.</param>
public sealed record MeetingCorrection(DateOnly? Date, string? Kind, string? Title, string? Agenda, string? MinutesText, IReadOnlyList<AttendeeInput>? Attendees);

/// <param name="Due">The deadline as a day; or <paramref name="Deadline"/> as written (2027年6月底前), read like a plan's.</param>
public sealed record DecisionInput(string? Text, DateOnly? Due, string? Deadline, IReadOnlyList<long>? Leads, IReadOnlyList<long>? Cooperating);

public sealed record DecisionsInput(IReadOnlyList<DecisionInput>? Decisions);
