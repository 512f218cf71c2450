using Duban.Core.Governance;
using Duban.Core.Plans;
using Duban.Core.Plans.Editing;
using Duban.Core.Text;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Data.Governance;
using Duban.Data.Tracking;
using Duban.Parsing.Model;
using Duban.Web.Operations;
using Duban.Web.Security;
using Duban.Web.TaskEditing;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Governance;

/// <summary>An uploaded 会议纪要: a .docx or a .pdf, checked as evidence is.</summary>
public sealed record MinutesUpload(string? FileName, long Length, Stream Content);

/// <summary>
/// The writes on governing bodies (docs/governance.md), for the API and the pages alike: correcting a body (members and
/// their organisations, office, cadence), recording a meeting with its attendance, agenda and minutes, and turning a
/// meeting's 议定事项 into tasks. Only the administrators responsible for the body's plan; a body or meeting the user
/// cannot read is not found. Every write is audited with before and after.
/// </summary>
public sealed class GovernanceDesk(DubanDbContext db, GovernanceQueries queries, TaskEditor editor, AuditLog audit, TimeProvider time, EvidenceStore store, EvidenceOptions evidenceOptions)
{
    public const string Stale = "该议事机构在您读取之后已被修改，请刷新后重试。";

    public const string StaleMeeting = "该会议在您读取之后已被修改，请刷新后重试。";

    private async Task<(GoverningBodyRecord? Body, OperationError? Refused)> BodyAsync(DubanUser admin, long id, CancellationToken ct)
    {
        if (!await queries.VisibleBodies(admin).AnyAsync(b => b.Id == id, ct)) return (null, new OperationError(ErrorKind.NotFound, "未找到该议事机构。"));
        var body = await db.GoverningBodies.Include(b => b.Members).SingleAsync(b => b.Id == id, ct);
        if (!await queries.AdministersAsync(admin, body.PlanId, ct)) return (null, new OperationError(ErrorKind.Forbidden, ActingRights.NotResponsibleForPlan.Replace("该任务所属计划", "该议事机构所属计划")));
        return (body, null);
    }

    private async Task<(Meeting? Meeting, GoverningBodyRecord? Body, OperationError? Refused)> MeetingAsync(DubanUser admin, long id, CancellationToken ct)
    {
        // Loaded on its own and tracked: a visibility subquery built on the no-tracking VisibleBodies would make EF Core
        // read the meeting untracked, and the writes below would then save nothing.
        var meeting = await db.Set<Meeting>().Include(m => m.Attendees).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || !await queries.VisibleBodies(admin).AnyAsync(b => b.Id == meeting.BodyId, ct))
            return (null, null, new OperationError(ErrorKind.NotFound, "未找到该会议。"));
        var (body, refused) = await BodyAsync(admin, meeting.BodyId, ct);
        return (meeting, body, refused);
    }

    /// <summary>Whether the administrator may act on the body: null when it may (404 unseen, 403 seen but not its plan).</summary>
    public async Task<OperationError?> AccessAsync(DubanUser admin, long bodyId, CancellationToken ct) => (await BodyAsync(admin, bodyId, ct)).Refused;

    public async Task<OperationError?> MeetingAccessAsync(DubanUser admin, long meetingId, CancellationToken ct) => (await MeetingAsync(admin, meetingId, ct)).Refused;

    public async Task<Outcome<BodyDetail>> CorrectAsync(DubanUser admin, Actor actor, long id, Guid? expected, BodyCorrection input, CancellationToken ct = default)
    {
        var (body, refused) = await BodyAsync(admin, id, ct);
        if (refused is not null) return refused;
        if (expected is { } version && version != body!.Version) return new OperationError(ErrorKind.PreconditionFailed, Stale);
        var before = Image(body!);
        if (input.Name is not null)
        {
            var (name, problem) = Text(input.Name, "name", "名称", GoverningBodyRecord.MaxNameLength, required: true);
            if (problem is not null) return problem;
            body!.Name = name!;
        }
        if (input.Office is not null)
        {
            var (office, problem) = Text(input.Office, "office", "办公室", GoverningBodyRecord.MaxOfficeLength, required: false);
            if (problem is not null) return problem;
            body!.Office = office;
        }
        if (input.OfficeOrganizationId is { } officeOrganization)
        {
            if (officeOrganization == 0) body!.OfficeOrganizationId = null;
            else if (await OrganizationAsync(admin, officeOrganization, ct) is null)
                return Outcome<BodyDetail>.Invalid("officeOrganizationId", "officeOrganizationId（办公室所在单位）不存在、已停用或已合并，或不在您的数据范围内。");
            else body!.OfficeOrganizationId = officeOrganization;
        }
        if (input.MeetingsPerYear is { } perYear)
        {
            if (perYear < 0 || perYear > 12) return Outcome<BodyDetail>.Invalid("meetingsPerYear", "meetingsPerYear（每年召开次数）必须在 0 到 12 之间（0 表示未规定）。");
            body!.MeetingsPerYear = perYear == 0 ? null : perYear;
        }
        if (input.MeetingsAtLeast is { } atLeast) body!.MeetingsAtLeast = atLeast;
        if (input.CadenceFrom is { } from)
        {
            if (from < PlausibleDates.Earliest || from > TrackingDay.Today(time).AddYears(1))
                return Outcome<BodyDetail>.Invalid("cadenceFrom", $"cadenceFrom（频次起算日）必须在 {PlausibleDates.Text(PlausibleDates.Earliest)} 至明年之间。");
            body!.CadenceFrom = from;
        }
        if (input.Members is { } members)
        {
            if (members.Count > 200) return Outcome<BodyDetail>.Invalid("members", "members（成员）最多 200 个。");
            var rows = new List<BodyMemberRecord>();
            for (var i = 0; i < members.Count; i++)
            {
                var m = members[i];
                var at = $"members[{i}]";
                if (m is null) return Outcome<BodyDetail>.Invalid(at, $"{at} 不能为空。");
                var role = ParseRole(m.Role);
                if (role is null) return Outcome<BodyDetail>.Invalid($"{at}.role", $"{at}.role（职务角色）必须是 chair（组长）、viceChair（副组长）、chiefConvener（总召集人）、convener（召集人）、deputyConvener（副召集人）、officeDirector（办公室主任）或 member（成员）。");
                var (person, personProblem) = Text(m.Person, $"{at}.person", "姓名", 50, required: false);
                if (personProblem is not null) return personProblem;
                var (post, postProblem) = Text(m.Post, $"{at}.post", "职务", 200, required: false);
                if (postProblem is not null) return postProblem;
                var (unit, unitProblem) = Text(m.UnitName, $"{at}.unitName", "单位", 200, required: false);
                if (unitProblem is not null) return unitProblem;
                string? organizationName = null;
                if (m.OrganizationId is { } organization && (organizationName = await OrganizationAsync(admin, organization, ct)) is null)
                    return Outcome<BodyDetail>.Invalid($"{at}.organizationId", $"{at}.organizationId（单位）不存在、已停用或已合并，或不在您的数据范围内。");
                if (person is null && post is null && unit is null && organizationName is null)
                    return Outcome<BodyDetail>.Invalid(at, $"{at}：成员至少要有姓名、职务或单位之一。");
                rows.Add(new BodyMemberRecord { BodyId = body!.Id, Role = role.Value, Person = person, Title = post, UnitName = unit ?? organizationName, OrganizationId = m.OrganizationId });
            }
            db.BodyMembers.RemoveRange(body!.Members);
            body.Members = rows;
        }
        body!.CorrectedAt = time.GetUtcNow();
        body.CorrectedByName = Column(admin.DisplayName, 100);
        body.Version = Guid.NewGuid();
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        if (!await db.SaveUnlessStaleAsync(ct)) return new OperationError(ErrorKind.PreconditionFailed, Stale);
        audit.Add(actor, GovernanceAuditActions.BodyCorrect, GovernanceAuditActions.BodyEntity, body.Id, before, Image(body));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<BodyDetail>.Ok((await queries.GetAsync(admin, id, ct))!);
    }

    /// <summary>The member units of a body: its members' organisations, or their units as written when not resolved.</summary>
    public static IReadOnlyList<(long? OrganizationId, string Name)> MemberUnits(GoverningBodyRecord body, IReadOnlyDictionary<long, string> names) =>
        body.Members.Where(m => m.OrganizationId is not null || !string.IsNullOrWhiteSpace(m.UnitName))
            .Select(m => (m.OrganizationId, Name: m.OrganizationId is { } o && names.TryGetValue(o, out var n) ? n : m.UnitName!))
            .DistinctBy(u => u.OrganizationId is { } o ? "o" + o : "n" + u.Name).ToList();

    public async Task<Outcome<MeetingDetail>> CreateMeetingAsync(DubanUser admin, Actor actor, long bodyId, MeetingInput input, MinutesUpload? minutes, CancellationToken ct = default)
    {
        var (body, refused) = await BodyAsync(admin, bodyId, ct);
        if (refused is not null) return refused;
        if (input.Date is not { } date) return Outcome<MeetingDetail>.Invalid("date", "date（会议日期）不能为空。");
        var today = TrackingDay.Today(time);
        if (date < PlausibleDates.Earliest || date > today) return Outcome<MeetingDetail>.Invalid("date", $"date（会议日期）必须在 {PlausibleDates.Text(PlausibleDates.Earliest)} 至今天之间：登记的是已召开的会议。");
        var kind = input.Kind is null ? MeetingKind.Regular : MeetingKinds.Parse(input.Kind);
        if (kind is null) return Outcome<MeetingDetail>.Invalid("kind", "kind（会议类型）必须是 regular（例会）或 special（专题会）。");
        var (title, titleProblem) = Text(input.Title, "title", "会议名称", Meeting.MaxTitleLength, required: false);
        if (titleProblem is not null) return titleProblem;
        title ??= $"{body!.Name}{date.Year}年{date.Month}月{date.Day}日{kind.Value.Label()}";
        var (agenda, agendaProblem) = LongText(input.Agenda, "agenda", "议题", Meeting.MaxAgendaLength);
        if (agendaProblem is not null) return agendaProblem;
        var (minutesText, minutesProblem) = LongText(input.MinutesText, "minutesText", "会议纪要", Meeting.MaxMinutesLength);
        if (minutesProblem is not null) return minutesProblem;

        var organizationIds = body!.Members.Where(m => m.OrganizationId != null).Select(m => m.OrganizationId!.Value).ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var units = MemberUnits(body, names);
        var present = new Dictionary<string, bool>();
        var listed = input.Attendees ?? [];
        for (var i = 0; i < listed.Count; i++)
        {
            var a = listed[i];
            var at = $"attendees[{i}]";
            if (a is null) return Outcome<MeetingDetail>.Invalid(at, $"{at} 不能为空。");
            var unit = units.FirstOrDefault(u => a.OrganizationId is { } o ? u.OrganizationId == o : u.OrganizationId is null && u.Name == a.UnitName?.Trim());
            if (unit.Name is null)
                return Outcome<MeetingDetail>.Invalid($"{at}.organizationId", $"{at}：不是该议事机构的成员单位（按 organizationId 或未对应单位的 unitName 指定；请先在议事机构中补全成员）。");
            present[Key(unit)] = a.Attended != false;
        }

        var meeting = new Meeting
        {
            BodyId = bodyId, Date = date, Kind = kind.Value, Title = title, Agenda = agenda, MinutesText = minutesText,
            CreatedAt = time.GetUtcNow(), CreatedById = admin.Id, CreatedByName = Column(admin.DisplayName, 100),
            Attendees = [.. units.Select(u => new MeetingAttendee { OrganizationId = u.OrganizationId, UnitName = Column(u.Name, 200), Attended = present.GetValueOrDefault(Key(u)) })],
        };
        (string, string, EvidenceType?, long?)? upload = null;
        if (minutes is not null)
        {
            var (file, fileProblem) = await CheckMinutesAsync(minutes, ct);
            if (fileProblem is not null) return fileProblem;
            upload = file;
        }
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        if (upload is { } uploaded) AttachMinutes(meeting, uploaded, admin);
        audit.Add(actor, GovernanceAuditActions.MeetingCreate, GovernanceAuditActions.MeetingEntity, meeting.Id, null, Image(meeting));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<MeetingDetail>.Ok((await queries.MeetingAsync(admin, meeting.Id, ct))!);
    }

    private static string Key((long? OrganizationId, string Name) unit) => unit.OrganizationId is { } o ? "o" + o : "n" + unit.Name;

    public async Task<Outcome<MeetingDetail>> UploadMinutesAsync(DubanUser admin, Actor actor, long meetingId, MinutesUpload upload, CancellationToken ct = default)
    {
        var (meeting, _, refused) = await MeetingAsync(admin, meetingId, ct);
        if (refused is not null) return refused;
        var (file, problem) = await CheckMinutesAsync(upload, ct);
        if (problem is not null) return problem;
        var before = new { meeting!.MinutesFileName, meeting.MinutesSha256, meeting.MinutesSize };
        AttachMinutes(meeting, file, admin);
        meeting.Version = Guid.NewGuid();
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        await db.SaveChangesAsync(ct);
        audit.Add(actor, GovernanceAuditActions.MeetingMinutes, GovernanceAuditActions.MeetingEntity, meeting.Id, before, new { meeting.MinutesFileName, meeting.MinutesSha256, meeting.MinutesSize });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<MeetingDetail>.Ok((await queries.MeetingAsync(admin, meeting.Id, ct))!);
    }

    /// <summary>Makes the file the meeting's 会议纪要 and adds it to the meeting's uploads, which are never changed nor removed.</summary>
    private void AttachMinutes(Meeting meeting, (string Name, string Sha, EvidenceType? Type, long? Size) file, DubanUser admin)
    {
        (meeting.MinutesFileName, meeting.MinutesSha256, meeting.MinutesType, meeting.MinutesSize) = file;
        db.Add(new MeetingMinutesFile
        {
            MeetingId = meeting.Id, FileName = file.Name, Sha256 = file.Sha, Type = file.Type!.Value, Size = file.Size ?? 0,
            UploadedAt = time.GetUtcNow(), UploadedById = admin.Id, UploadedByName = Column(admin.DisplayName, 100),
        });
    }

    /// <summary>
    /// Corrects a recorded meeting: date, kind, title, agenda, typed minutes and attendance; a field left out stays. The
    /// cadence is computed from the meetings' dates, so a date moved into or out of a window changes that window's
    /// state at once. Attendance is set on the units already on record, and on the body's current member units listed;
    /// the meeting's 议定事项 lists take the new date and title as their source. The file of the minutes is replaced by
    /// an upload (<see cref="UploadMinutesAsync"/>), not here.
    /// </summary>
    public async Task<Outcome<MeetingDetail>> EditMeetingAsync(DubanUser admin, Actor actor, long meetingId, Guid? expected, MeetingCorrection input, CancellationToken ct = default)
    {
        var (meeting, body, refused) = await MeetingAsync(admin, meetingId, ct);
        if (refused is not null) return refused;
        if (expected is { } version && version != meeting!.Version) return new OperationError(ErrorKind.PreconditionFailed, StaleMeeting);
        var before = Image(meeting!);
        var generatedTitle = $"{body!.Name}{meeting!.Date.Year}年{meeting.Date.Month}月{meeting.Date.Day}日{meeting.Kind.Label()}";
        if (input.Date is { } date)
        {
            var today = TrackingDay.Today(time);
            if (date < PlausibleDates.Earliest || date > today) return Outcome<MeetingDetail>.Invalid("date", $"date（会议日期）必须在 {PlausibleDates.Text(PlausibleDates.Earliest)} 至今天之间：登记的是已召开的会议。");
            meeting.Date = date;
        }
        if (input.Kind is not null)
        {
            if (MeetingKinds.Parse(input.Kind) is not { } kind) return Outcome<MeetingDetail>.Invalid("kind", "kind（会议类型）必须是 regular（例会）或 special（专题会）。");
            meeting.Kind = kind;
        }
        var regenerated = $"{body.Name}{meeting.Date.Year}年{meeting.Date.Month}月{meeting.Date.Day}日{meeting.Kind.Label()}";
        if (input.Title is not null)
        {
            var (title, problem) = Text(input.Title, "title", "会议名称", Meeting.MaxTitleLength, required: false);
            if (problem is not null) return problem;
            meeting.Title = title ?? regenerated;
        }
        // A title generated from the date follows the date; one the office wrote stays.
        else if (meeting.Title == generatedTitle) meeting.Title = regenerated;
        if (input.Agenda is not null)
        {
            var (agenda, problem) = LongText(input.Agenda, "agenda", "议题", Meeting.MaxAgendaLength);
            if (problem is not null) return problem;
            meeting.Agenda = agenda;
        }
        if (input.MinutesText is not null)
        {
            var (text, problem) = LongText(input.MinutesText, "minutesText", "会议纪要", Meeting.MaxMinutesLength);
            if (problem is not null) return problem;
            meeting.MinutesText = text;
        }
        if (input.Attendees is { } listed)
        {
            var organizationIds = body.Members.Where(m => m.OrganizationId != null).Select(m => m.OrganizationId!.Value).ToList();
            var names = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            var members = MemberUnits(body, names);
            var present = new Dictionary<string, bool>();
            var added = new List<(long? OrganizationId, string Name)>();
            for (var i = 0; i < listed.Count; i++)
            {
                var a = listed[i];
                var at = $"attendees[{i}]";
                if (a is null) return Outcome<MeetingDetail>.Invalid(at, $"{at} 不能为空。");
                bool Matches(long? organization, string name) => a.OrganizationId is { } o ? organization == o : organization is null && name == a.UnitName?.Trim();
                var recorded = meeting.Attendees.FirstOrDefault(r => Matches(r.OrganizationId, r.UnitName));
                (long? OrganizationId, string Name) unit = recorded is not null ? (recorded.OrganizationId, recorded.UnitName) : members.FirstOrDefault(u => Matches(u.OrganizationId, u.Name));
                if (unit.Name is null)
                    return Outcome<MeetingDetail>.Invalid($"{at}.organizationId", $"{at}：既不在本次会议的参会单位中，也不是该议事机构现在的成员单位（按 organizationId 或未对应单位的 unitName 指定）。");
                if (recorded is null && !added.Contains(unit)) added.Add(unit);
                present[Key(unit)] = a.Attended != false;
            }
            foreach (var row in meeting.Attendees) row.Attended = present.GetValueOrDefault(Key((row.OrganizationId, row.UnitName)));
            foreach (var unit in added)
                meeting.Attendees.Add(new MeetingAttendee { MeetingId = meeting.Id, OrganizationId = unit.OrganizationId, UnitName = Column(unit.Name, 200), Attended = present[Key(unit)] });
        }
        meeting.Version = Guid.NewGuid();
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var lists = await db.TaskLists.Where(l => l.MeetingId == meetingId).ToListAsync(ct);
        foreach (var list in lists)
        {
            if (list.Name == Column($"{before.Title}议定事项", 300)) list.Name = Column($"{meeting.Title}议定事项", 300);
            list.SourceDate = meeting.Date;
            list.SourceReference = Column(meeting.Title, PlanTaskList.MaxReferenceLength);
        }
        if (!await db.SaveUnlessStaleAsync(ct)) return new OperationError(ErrorKind.PreconditionFailed, StaleMeeting);
        audit.Add(actor, GovernanceAuditActions.MeetingEdit, GovernanceAuditActions.MeetingEntity, meeting.Id, before, Image(meeting));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<MeetingDetail>.Ok((await queries.MeetingAsync(admin, meeting.Id, ct))!);
    }

    /// <summary>The evidence checks (name, extension and first bytes, size), narrowed to what minutes come as: .docx and .pdf.</summary>
    private async Task<((string, string, EvidenceType?, long?) File, OperationError? Problem)> CheckMinutesAsync(MinutesUpload upload, CancellationToken ct)
    {
        var name = Path.GetFileName(upload.FileName?.Replace('\\', '/') ?? "");
        if (NameText.Problem(name, "文件名") is { } nameProblem) return (default, new OperationError(ErrorKind.Validation, nameProblem, "file"));
        name = NameText.Normalize(name);
        if (name.Length == 0) return (default, new OperationError(ErrorKind.Validation, "请选择会议纪要文件（file）。", "file"));
        if (name.Length > Evidence.MaxFileNameLength) return (default, new OperationError(ErrorKind.Validation, $"文件名不能超过 {Evidence.MaxFileNameLength} 个字符。", "file"));
        if (EvidenceFormat.FromExtension(name) is not (EvidenceType.Docx or EvidenceType.Pdf) || EvidenceFormat.FromExtension(name) is not { } type)
            return (default, new OperationError(ErrorKind.Validation, "会议纪要只接受 docx 或 pdf 文件。", "file"));
        if (upload.Length <= 0) return (default, new OperationError(ErrorKind.Validation, "上传的文件是空的。", "file"));
        var limit = $"文件大小超过上限 {evidenceOptions.MaxBytes / 1024 / 1024} MB。";
        if (upload.Length > evidenceOptions.MaxBytes) return (default, new OperationError(ErrorKind.Validation, limit, "file"));
        await using var buffered = new MemoryStream();
        await upload.Content.CopyToAsync(buffered, ct);
        if (buffered.Length != upload.Length || buffered.Length > evidenceOptions.MaxBytes) return (default, new OperationError(ErrorKind.Validation, limit, "file"));
        if (!EvidenceFormat.Matches(type, buffered.GetBuffer().AsSpan(0, (int)Math.Min(8, buffered.Length))))
            return (default, new OperationError(ErrorKind.Validation, $"文件内容与扩展名 {Path.GetExtension(name).ToLowerInvariant()} 不符，请上传真实的 docx 或 pdf 文件。", "file"));
        buffered.Position = 0;
        var sha = await store.SaveAsync(buffered, ct);
        return ((name, sha, type, buffered.Length), null);
    }

    /// <summary>
    /// Records the meeting's 议定事项: each becomes a task of the plan, on the meeting's 会议议定事项 list (made with the
    /// first decision, on the plan's current version), with member units as lead and cooperating units and a deadline.
    /// The tasks are added as any hand-added task is (<see cref="TaskEditor.AddTaskAsync"/>: audit, timeline, 任务交办
    /// notices), all or none in one transaction.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<DecisionView>>> AddDecisionsAsync(DubanUser admin, Actor actor, long meetingId, DecisionsInput input, CancellationToken ct = default)
    {
        var (meeting, body, refused) = await MeetingAsync(admin, meetingId, ct);
        if (refused is not null) return refused;
        var decisions = input.Decisions ?? [];
        if (decisions.Count == 0) return Outcome<IReadOnlyList<DecisionView>>.Invalid("decisions", "decisions（议定事项）至少要有一项。");
        if (decisions.Count > 50) return Outcome<IReadOnlyList<DecisionView>>.Invalid("decisions", "decisions（议定事项）一次最多 50 项。");
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == body!.PlanId, ct);
        if (plan.CurrentVersionId is not { } versionId) return Outcome<IReadOnlyList<DecisionView>>.Invalid("meetingId", "该议事机构所属计划没有当前版本。");
        var members = body!.Members.Where(m => m.OrganizationId != null).Select(m => m.OrganizationId!.Value).ToHashSet();
        if (body.OfficeOrganizationId is { } officeUnit) members.Add(officeUnit);
        var prepared = new List<(TaskPatch Fields, List<AssignmentInput> Units)>();
        for (var i = 0; i < decisions.Count; i++)
        {
            var d = decisions[i];
            var at = $"decisions[{i}]";
            if (d is null) return Outcome<IReadOnlyList<DecisionView>>.Invalid(at, $"{at} 不能为空。");
            if (string.IsNullOrWhiteSpace(d.Text)) return Outcome<IReadOnlyList<DecisionView>>.Invalid($"{at}.text", $"{at}.text（议定事项内容）不能为空。");
            if (d.Due is null && string.IsNullOrWhiteSpace(d.Deadline))
                return Outcome<IReadOnlyList<DecisionView>>.Invalid($"{at}.due", $"{at}.due（完成时限）不能为空：议定事项须明确完成时限（日期 due，或文字 deadline）。");
            var leads = d.Leads ?? [];
            var cooperating = d.Cooperating ?? [];
            if (leads.Count == 0) return Outcome<IReadOnlyList<DecisionView>>.Invalid($"{at}.leads", $"{at}.leads（牵头单位）至少要有一个成员单位。");
            var units = new List<AssignmentInput>();
            foreach (var (ids, role, field) in new[] { (leads, "lead", "leads"), (cooperating, "cooperating", "cooperating") })
                foreach (var organization in ids)
                {
                    if (!members.Contains(organization))
                        return Outcome<IReadOnlyList<DecisionView>>.Invalid($"{at}.{field}", $"{at}.{field}：单位 {organization} 不是该议事机构的成员单位（请先在议事机构中补全成员并对应到单位）。");
                    if (units.Any(u => u.OrganizationId == organization))
                        return Outcome<IReadOnlyList<DecisionView>>.Invalid($"{at}.{field}", $"{at}.{field}：同一单位只能出现一次。");
                    units.Add(new AssignmentInput(organization, role, role == "lead" && units.Count == 0, null));
                }
            var fields = new TaskPatch { Text = Patch<string>.Set(d.Text) };
            if (!string.IsNullOrWhiteSpace(d.Deadline)) fields = fields with { Deadline = Patch<string>.Set(d.Deadline) };
            if (d.Due is { } due) fields = fields with { Due = Patch<DateOnly?>.Set(due) };
            prepared.Add((fields, units));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var listId = await queries.CurrentListAsync(plan.Id, meetingId, ct);
        if (listId is null)
        {
            var order = (await db.TaskLists.Where(l => l.PlanVersionId == versionId).MaxAsync(l => (int?)l.Order, ct) ?? -1) + 1;
            var list = new PlanTaskList
            {
                PlanVersionId = versionId, Name = Column($"{meeting!.Title}议定事项", 300), Order = order, Source = TaskListSource.MeetingDecision,
                SourceInstructor = Column(body.Name, PlanTaskList.MaxInstructorLength), SourceDate = meeting.Date,
                SourceReference = Column(meeting.Title, PlanTaskList.MaxReferenceLength), MeetingId = meetingId,
            };
            db.TaskLists.Add(list);
            await db.SaveChangesAsync(ct);
            listId = list.Id;
        }
        var created = new List<long>();
        for (var i = 0; i < prepared.Count; i++)
        {
            var outcome = await editor.AddTaskAsync(admin, actor, plan.Id, listId, prepared[i].Fields, prepared[i].Units, ct);
            if (outcome.Error is { } error)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                var field = error.Field is null ? $"decisions[{i}]" : $"decisions[{i}].{error.Field}";
                return new OperationError(error.Kind, $"decisions[{i}]：{error.Message}", field);
            }
            created.Add(outcome.Value!.Id);
        }
        audit.Add(actor, GovernanceAuditActions.Decision, GovernanceAuditActions.MeetingEntity, meetingId, null, new { taskListId = listId, taskIds = created });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var views = await queries.DecisionsAsync([meetingId], ct);
        return Outcome<IReadOnlyList<DecisionView>>.Ok(views.Where(v => created.Contains(v.TaskId)).ToList());
    }

    private async Task<string?> OrganizationAsync(DubanUser admin, long id, CancellationToken ct) =>
        await db.Organizations.VisibleTo(admin).Where(o => o.Id == id && o.IsActive && o.MergedIntoId == null).Select(o => o.Name).SingleOrDefaultAsync(ct);

    public static MemberRole? ParseRole(string? text) => text?.Trim() switch
    {
        null or "" => null,
        "组长" => MemberRole.Chair,
        "副组长" => MemberRole.ViceChair,
        "总召集人" => MemberRole.ChiefConvener,
        "召集人" => MemberRole.Convener,
        "副召集人" => MemberRole.DeputyConvener,
        "办公室主任" => MemberRole.OfficeDirector,
        "成员" => MemberRole.Member,
        var t when !int.TryParse(t, out _) && Enum.TryParse<MemberRole>(t, ignoreCase: true, out var role) && Enum.IsDefined(role) => role,
        _ => null,
    };

    private static (string? Value, OperationError? Problem) Text(string? text, string field, string label, int max, bool required)
    {
        var value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (value is null) return required ? (null, new OperationError(ErrorKind.Validation, $"{field}（{label}）不能为空。", field)) : (null, null);
        if (NameText.Problem(value, label) is { } problem) return (null, new OperationError(ErrorKind.Validation, $"{field}（{label}）：{problem}", field));
        value = NameText.Normalize(value);
        if (value.Length > max) return (null, new OperationError(ErrorKind.Validation, $"{field}（{label}）不能超过 {max} 个字符。", field));
        return (value, null);
    }

    private static (string? Value, OperationError? Problem) LongText(string? text, string field, string label, int max)
    {
        var value = string.IsNullOrWhiteSpace(text) ? null : text.Trim().Replace("\r\n", "\n");
        if (value is null) return (null, null);
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\t')) return (null, new OperationError(ErrorKind.Validation, $"{field}（{label}）含有控制字符。", field));
        if (value.Length > max) return (null, new OperationError(ErrorKind.Validation, $"{field}（{label}）不能超过 {max} 个字符。", field));
        return (value, null);
    }

    private static string Column(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static object Image(GoverningBodyRecord b) => new
    {
        b.Id, b.Name, b.Office, b.OfficeOrganizationId, b.MeetingsPerYear, b.MeetingsAtLeast, b.CadenceText, b.CadenceFrom,
        Members = b.Members.OrderBy(m => m.Id).Select(m => new { m.Role, m.Person, Post = m.Title, m.UnitName, m.OrganizationId }).ToList(),
    };

    private sealed record MeetingImage(long Id, long BodyId, DateOnly Date, MeetingKind Kind, string Title, string? Agenda, string? MinutesText,
        string? MinutesFileName, string? MinutesSha256, IReadOnlyList<AttendeeImage> Attendees);

    private sealed record AttendeeImage(long? OrganizationId, string UnitName, bool Attended);

    private static MeetingImage Image(Meeting m) => new(m.Id, m.BodyId, m.Date, m.Kind, m.Title, m.Agenda, m.MinutesText, m.MinutesFileName, m.MinutesSha256,
        [.. m.Attendees.OrderBy(a => a.Id).Select(a => new AttendeeImage(a.OrganizationId, a.UnitName, a.Attended))]);
}
