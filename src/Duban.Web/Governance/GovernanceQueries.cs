using Duban.Core.Governance;
using Duban.Core.Plans;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Data.Governance;
using Duban.Data.Tracking.Status;
using Duban.Web.Paging;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Governance;

/// <summary>
/// What the pages and the API read of governing bodies and meetings (docs/governance.md, "Permissions"). A body is
/// read by whoever reads its plan (<see cref="PlanQueries.VisiblePlans"/>), and its meetings with it; a decision's
/// task as any task. Acting on a body — correcting it, recording a meeting, its minutes and decisions — belongs to
/// the administrators whose scope holds the plan's region (<see cref="ActingRights.ForPlanAsync"/>).
/// </summary>
public sealed class GovernanceQueries(DubanDbContext db, PlanQueries plans, ActingRights rights, TimeProvider time, PlanStatusCache statuses)
{
    public IQueryable<GoverningBodyRecord> VisibleBodies(DubanUser user)
    {
        var visible = plans.VisiblePlans(user).Select(p => p.Id);
        return db.GoverningBodies.AsNoTracking().Where(b => visible.Contains(b.PlanId));
    }

    public async Task<bool> AdministersAsync(DubanUser user, long planId, CancellationToken ct) => user.IsAdmin && await rights.ForPlanAsync(user, planId, ct);

    public async Task<Paged<BodySummary>> ListAsync(DubanUser user, long? planId, PageRequest page, CancellationToken ct)
    {
        var bodies = VisibleBodies(user);
        if (planId is { } plan) bodies = bodies.Where(b => b.PlanId == plan);
        var ids = await bodies.OrderBy(b => b.PlanId).ThenBy(b => b.Id).Select(b => b.Id).ToPagedAsync(page, ct);
        var summaries = (await SummariesAsync(ids.Items, ct)).ToDictionary(s => s.Id);
        return ids.Map(id => summaries[id]);
    }

    private async Task<IReadOnlyList<BodySummary>> SummariesAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var meetings = db.Set<Meeting>();
        var rows = await db.GoverningBodies.AsNoTracking().Where(b => ids.Contains(b.Id))
            .Select(b => new
            {
                Body = b, Plan = db.Plans.Where(p => p.Id == b.PlanId).Select(p => p.Title).Single(),
                Office = db.Organizations.Where(o => o.Id == b.OfficeOrganizationId).Select(o => o.Name).FirstOrDefault(),
                Members = db.BodyMembers.Count(m => m.BodyId == b.Id),
                Meetings = meetings.Count(m => m.BodyId == b.Id),
                Last = meetings.Where(m => m.BodyId == b.Id).Max(m => (DateOnly?)m.Date),
            }).ToListAsync(ct);
        var cadences = (await CadenceFacts.LoadAsync(db, db.GoverningBodies.Where(b => ids.Contains(b.Id)), ct)).ToDictionary(c => c.BodyId);
        var today = TrackingDay.Today(time);
        return rows.Select(r =>
        {
            var b = r.Body;
            var missed = cadences.TryGetValue(b.Id, out var cadence) ? BodyCadence.MissedFlag(cadence.Evaluate(today)) : null;
            return new BodySummary(b.Id, b.PlanId, r.Plan, b.Kind, GoverningBodyRecord.KindLabel(b.Kind), b.Name, b.Office, b.OfficeOrganizationId, r.Office,
                b.MeetingsPerYear, b.MeetingsAtLeast, b.CadenceText, CadenceLabel(b.MeetingsPerYear, b.MeetingsAtLeast), r.Members, r.Meetings, r.Last,
                missed is not null, missed is null ? null : $"{missed.Window.Label}未按期召开会议", b.Version);
        }).ToList();
    }

    public static string CadenceLabel(decimal? perYear, bool atLeast) => perYear is not { } n || n <= 0 ? "未规定"
        : n == 2 && !atLeast ? "每半年一次（每年 2 次）"
        : $"每年{(atLeast ? "至少" : "")} {n:0.##} 次";

    public async Task<BodyDetail?> GetAsync(DubanUser user, long id, CancellationToken ct)
    {
        var body = await VisibleBodies(user).Include(b => b.Members).SingleOrDefaultAsync(b => b.Id == id, ct);
        if (body is null) return null;
        var summary = (await SummariesAsync([id], ct)).Single();
        var organizationIds = body.Members.Where(m => m.OrganizationId != null).Select(m => m.OrganizationId!.Value).ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var members = body.Members.OrderBy(m => m.Role).ThenBy(m => m.Id)
            .Select(m => new MemberView(m.Id, m.Role, GoverningBodyRecord.RoleLabel(m.Role), m.Person, m.Title, m.UnitName, m.OrganizationId,
                m.OrganizationId is { } o ? names.GetValueOrDefault(o) : null)).ToList();

        var cadence = (await CadenceFacts.LoadAsync(db, db.GoverningBodies.Where(b => b.Id == id), ct)).SingleOrDefault();
        var windows = cadence is null ? [] : cadence.Evaluate(TrackingDay.Today(time))
            .Select(w => new WindowView(w.Window.Year, w.Window.Index, w.Window.Label, w.Window.Start, w.Window.End, w.State, w.StateLabel, w.DueSoon, w.Meetings)).ToList();

        var meetings = await db.Set<Meeting>().AsNoTracking().Include(m => m.Attendees).Where(m => m.BodyId == id).OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).ToListAsync(ct);
        var decisions = await DecisionsAsync(meetings.Select(m => m.Id).ToList(), ct);
        var byMeeting = decisions.ToLookup(d => d.MeetingId);
        var meetingViews = meetings.Select(m => new MeetingSummary(m.Id, m.BodyId, m.Date, m.Kind, m.Kind.Label(), m.Title, m.Attendees.Count(a => a.Attended),
            m.Attendees.Count(a => !a.Attended), byMeeting[m.Id].Count(), byMeeting[m.Id].Count(d => !d.Closed), m.MinutesSha256 is not null || m.MinutesText is not null)).ToList();
        var attendance = meetings.SelectMany(m => m.Attendees)
            .GroupBy(a => a.OrganizationId is { } o ? "o" + o : "n" + a.UnitName)
            .Select(g => new AttendanceView(g.First().OrganizationId, g.First().UnitName, g.Count(a => a.Attended), g.Count(a => !a.Attended)))
            .OrderBy(a => a.UnitName, StringComparer.Ordinal).ToList();
        return new BodyDetail(summary, members, body.CadenceFrom, cadence?.From, windows, meetingViews, attendance,
            decisions.Where(d => !d.Closed).ToList(), decisions.Where(d => d.Closed).ToList(), await AdministersAsync(user, body.PlanId, ct), body.CorrectedAt, body.CorrectedByName);
    }

    public async Task<IReadOnlyList<MeetingSummary>?> MeetingsAsync(DubanUser user, long bodyId, CancellationToken ct) =>
        (await GetAsync(user, bodyId, ct))?.Meetings;

    public async Task<MeetingDetail?> MeetingAsync(DubanUser user, long id, CancellationToken ct)
    {
        var bodies = VisibleBodies(user);
        var meeting = await db.Set<Meeting>().AsNoTracking().Include(m => m.Attendees).Where(m => m.Id == id && bodies.Any(b => b.Id == m.BodyId)).SingleOrDefaultAsync(ct);
        if (meeting is null) return null;
        var body = await db.GoverningBodies.AsNoTracking().SingleAsync(b => b.Id == meeting.BodyId, ct);
        // Earlier by date, then by the order recorded: the same order numbers the meetings 第1次, 第2次….
        var earlier = await db.Set<Meeting>().AsNoTracking()
            .Where(m => m.BodyId == meeting.BodyId && (m.Date < meeting.Date || (m.Date == meeting.Date && m.Id < meeting.Id)))
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        var own = await DecisionsAsync([id], ct);
        var previous = (await DecisionsAsync(earlier, ct)).Where(d => !d.Closed).ToList();
        var listId = await CurrentListAsync(body.PlanId, id, ct);
        var files = await db.Set<MeetingMinutesFile>().AsNoTracking().Where(f => f.MeetingId == id).OrderByDescending(f => f.Id).ToListAsync(ct);
        return new MeetingDetail(meeting.Id, body.Id, body.Name, body.PlanId, earlier.Count + 1, meeting.Date, meeting.Kind, meeting.Kind.Label(), meeting.Title, meeting.Agenda,
            meeting.MinutesText, meeting.MinutesFileName, meeting.MinutesSize,
            files.Select((f, i) => new MinutesFileView(f.Id, f.FileName, f.Size, f.UploadedAt, f.UploadedByName, i == 0 && f.Sha256 == meeting.MinutesSha256)).ToList(),
            meeting.Attendees.OrderByDescending(a => a.Attended).ThenBy(a => a.Id).Select(a => new MeetingAttendeeView(a.OrganizationId, a.UnitName, a.Attended)).ToList(),
            own, earlier.Count > 0 ? earlier[0] : null, previous, listId, await AdministersAsync(user, body.PlanId, ct), meeting.CreatedByName, meeting.CreatedAt, meeting.Version);
    }

    /// <summary>The 议定事项 list of the meeting on the plan's current version, if one was made.</summary>
    public Task<long?> CurrentListAsync(long planId, long meetingId, CancellationToken ct)
    {
        var current = db.Plans.Where(p => p.Id == planId).Select(p => p.CurrentVersionId);
        return db.TaskLists.Where(l => l.MeetingId == meetingId && current.Contains(l.PlanVersionId)).Select(l => (long?)l.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The current tasks of the meetings' 议定事项 lists, oldest meeting first, with their tracking status.</summary>
    public async Task<IReadOnlyList<DecisionView>> DecisionsAsync(IReadOnlyCollection<long> meetingIds, CancellationToken ct)
    {
        if (meetingIds.Count == 0) return [];
        var rows = await db.Tasks.AsNoTracking().Where(t => t.RemovedInVersionId == null && t.TaskList!.MeetingId != null && meetingIds.Contains(t.TaskList.MeetingId!.Value))
            .Select(t => new
            {
                t.Id, t.PlanId, MeetingId = t.TaskList!.MeetingId!.Value, t.No, t.Text, t.Due, t.DeadlineRaw, t.Order,
                Units = t.Assignments.OrderByDescending(a => a.Primary).ThenBy(a => a.Id).Select(a => new { a.OrganizationId, Name = a.Organization!.Name, a.Role, a.Primary }).ToList(),
            }).ToListAsync(ct);
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var set = rows.Count == 0 ? null : await statuses.TasksAsync(db, rows.Select(r => r.Id).ToList(), rows.Select(r => r.PlanId).Distinct().ToList(), ct);
        var status = set?.Tasks.ToDictionary(t => t.TaskId, t => t.Result.Status) ?? [];
        return rows.OrderBy(r => meetings[r.MeetingId].Date).ThenBy(r => r.MeetingId).ThenBy(r => r.Order).ThenBy(r => r.Id).Select(r =>
        {
            TrackingStatus? s = status.TryGetValue(r.Id, out var found) ? found : null;
            return new DecisionView(r.Id, r.MeetingId, meetings[r.MeetingId].Title, meetings[r.MeetingId].Date, r.No, r.Text, r.Due, r.DeadlineRaw,
                r.Units.Where(u => u.Role == Duban.Parsing.Model.UnitRole.Lead).Select(u => new UnitView(u.OrganizationId, u.Name, u.Primary)).ToList(),
                r.Units.Where(u => u.Role != Duban.Parsing.Model.UnitRole.Lead).Select(u => new UnitView(u.OrganizationId, u.Name, false)).ToList(),
                s, s?.Label() ?? "未跟踪", s == TrackingStatus.Completed);
        }).ToList();
    }

    /// <summary>
    /// MeetingSchedule: the meetings of the bodies the user reads, held from <paramref name="from"/> on, and the cadence
    /// windows still open or to come (dated on their last day), for calendars (the iCalendar feed) and the workbench.
    /// </summary>
    public async Task<IReadOnlyList<ScheduledMeeting>> MeetingScheduleAsync(DubanUser user, DateOnly from, CancellationToken ct)
    {
        var bodies = VisibleBodies(user);
        var held = await db.Set<Meeting>().AsNoTracking().Where(m => m.Date >= from && bodies.Any(b => b.Id == m.BodyId))
            .Join(db.GoverningBodies, m => m.BodyId, b => b.Id, (m, b) => new { m.Id, m.BodyId, b.Name, m.Date, m.Title }).ToListAsync(ct);
        var today = TrackingDay.Today(time);
        var due = (await CadenceFacts.LoadAsync(db, bodies, ct))
            .SelectMany(c => c.Evaluate(today).Where(w => w.State is WindowState.Open or WindowState.Upcoming && w.Window.End >= from)
                .Select(w => new ScheduledMeeting(c.BodyId, c.BodyName, w.Window.End, w.Window.Start, $"{c.BodyName}{w.Window.Label}会议（应召开）", $"bodies/{c.BodyId}", false)));
        return held.Select(m => new ScheduledMeeting(m.BodyId, m.Name, m.Date, null, m.Title, $"meetings/{m.Id}", true))
            .Concat(due).OrderBy(s => s.Date).ThenBy(s => s.BodyId).ToList();
    }

    /// <summary>The bodies the user answers for whose latest closed window went without a meeting: the workbench's 督办 flags.</summary>
    public async Task<IReadOnlyList<BodySummary>> FlaggedAsync(DubanUser user, CancellationToken ct)
    {
        if (!user.IsAdmin && user.OrganizationId is null) return [];
        var actionable = db.Plans.ActionableBy(user).Select(p => p.Id);
        var bodies = user.IsAdmin ? db.GoverningBodies.Where(b => actionable.Contains(b.PlanId))
            : VisibleBodies(user).Where(b => b.OfficeOrganizationId == user.OrganizationId);
        var today = TrackingDay.Today(time);
        var flagged = (await CadenceFacts.LoadAsync(db, bodies, ct)).Where(c => BodyCadence.MissedFlag(c.Evaluate(today)) is not null).Select(c => c.BodyId).Take(50).ToList();
        return flagged.Count == 0 ? [] : await SummariesAsync(flagged, ct);
    }
}
