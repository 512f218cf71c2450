using Duban.Core.Import;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Parsing.Model;
using Microsoft.EntityFrameworkCore;
using StoredTask = Duban.Core.Plans.PlanTask;

namespace Duban.Data.Import;

/// <summary>Turns what a document says into stored rows: task lists, tasks with their assignments and targets, goal targets, governing bodies.</summary>
/// <param name="memberOrganization">The organisation a governing-body member's unit is, when it can be told without asking.</param>
internal sealed class PlanContent(DubanDbContext db, long planId, UnitResolution units, Func<string, long?> memberOrganization)
{
    public int AssignmentsCreated { get; private set; }

    // Rows a revision deletes. Reports and indicator values hang on them (and forbid the delete), so they are checked
    // before anything is saved: see EnsureNothingReportedIsRemovedAsync.
    private readonly List<(Assignment Row, string Task)> removedAssignments = [];
    private readonly List<(TaskTarget Row, string Where)> removedTargets = [];

    public static List<PlanTaskList> Lists(PlanDocument document) =>
    [
        .. document.TaskLists.Select((list, i) => new PlanTaskList
        {
            Name = ColumnText.Fit(list.Name, 300),
            Order = i,
            InAnnex = list.Location == TaskListLocation.Annex,
            IsTable = list.Layout == TaskListLayout.Table,
        }),
    ];

    public StoredTask NewTask(KeyedTask keyed)
    {
        var task = new StoredTask { PlanId = planId, Key = keyed.Key, No = ColumnText.Fit(keyed.Task.No, 20), Text = keyed.Task.Text };
        Place(task, keyed);
        SetDeadline(task, keyed.Task.Deadline);
        foreach (var assignment in Assignments(keyed.Task.Units)) task.Assignments.Add(assignment);
        AssignmentsCreated += task.Assignments.Count;
        foreach (var target in keyed.Task.Targets) task.Targets.Add(NewTarget(target));
        return task;
    }

    /// <summary>Where the task stands in the new version: key, number, headings, span. Not a change of the task itself.</summary>
    public static void Place(StoredTask task, KeyedTask keyed)
    {
        task.Key = keyed.Key;
        task.No = ColumnText.Fit(keyed.Task.No, 20);
        task.Order = keyed.IndexInList;
        task.SectionPath = ColumnText.Fit(string.Join(" / ", keyed.Task.SectionPath), 1000);
        task.SpanStart = keyed.Task.Span.Start;
        task.SpanEnd = keyed.Task.Span.End;
    }

    /// <summary>Takes over the new version's text, deadline and (when they changed) units, keeping the assignments of units still named.</summary>
    public void Revise(StoredTask task, KeyedTask keyed, TaskChanges changes)
    {
        if (changes.HasFlag(TaskChanges.Text)) task.Text = keyed.Task.Text;
        if (changes.HasFlag(TaskChanges.Deadline)) SetDeadline(task, keyed.Task.Deadline);
        if (changes.HasFlag(TaskChanges.Units)) Reassign(task, keyed.Task.Units);
    }

    /// <summary>
    /// Brings the task's targets in line with the new version, keeping the rows (and the indicator values reported on
    /// them) of targets still there: see <see cref="SyncTargetRows"/>.
    /// </summary>
    public void SyncTargets(StoredTask task, IReadOnlyList<Target> targets) =>
        SyncTargetRows(task.Targets.OrderBy(t => t.Id).ToList(), targets, row => task.Targets.Add(row), row =>
        {
            task.Targets.Remove(row);
            db.Targets.Remove(row);
            removedTargets.Add((row, $"第 {task.No} 项任务"));
        });

    /// <summary>
    /// Pairs stored targets with the new version's: first those saying the same thing (subject, unit, comparator), in
    /// order, so that a target moved or revised in value keeps its row; then the rest by position. Stored rows left
    /// over are removed, new targets left over added.
    /// </summary>
    private void SyncTargetRows(List<TaskTarget> stored, IReadOnlyList<Target> targets, Action<TaskTarget> add, Action<TaskTarget> remove)
    {
        var unpaired = new List<Target>();
        foreach (var target in targets)
        {
            var same = stored.FirstOrDefault(row => row.Subject == ColumnText.Fit(target.Subject, 300) && row.Unit == ColumnText.Fit(target.Unit, 20)
                && row.Comparator == target.Comparator);
            if (same is null)
            {
                unpaired.Add(target);
                continue;
            }
            Fill(same, target);
            stored.Remove(same);
        }
        for (var i = 0; i < Math.Max(stored.Count, unpaired.Count); i++)
        {
            if (i >= unpaired.Count) remove(stored[i]);
            else if (i >= stored.Count) add(NewTarget(unpaired[i]));
            else Fill(stored[i], unpaired[i]);
        }
    }

    public TaskTarget NewTarget(Target target, long? taskId = null)
    {
        var row = new TaskTarget { PlanId = planId, TaskId = taskId, Subject = "", Unit = "", Raw = "" };
        Fill(row, target);
        return row;
    }

    public GoverningBodyRecord NewBody(GoverningBody body) => new()
    {
        PlanId = planId,
        Kind = body.Kind,
        Name = ColumnText.Fit(body.Name, 300),
        Office = ColumnText.FitOrNull(body.Office, 200),
        MeetingsPerYear = body.Cadence?.TimesPerYear,
        MeetingsAtLeast = body.Cadence?.AtLeast ?? false,
        CadenceText = ColumnText.FitOrNull(body.Cadence?.Raw, GoverningBodyRecord.MaxCadenceTextLength),
        OfficeOrganizationId = body.Office is { } office ? memberOrganization(office) : null,
        Members =
        [
            .. body.Members.Select(m => new BodyMemberRecord
            {
                Person = ColumnText.FitOrNull(m.Person, 50),
                Role = m.Role,
                Title = ColumnText.FitOrNull(m.Title, 200),
                UnitName = ColumnText.FitOrNull(m.Unit, 200),
                OrganizationId = m.Unit is { } unit ? memberOrganization(unit) : null,
            }),
        ],
    };

    /// <summary>
    /// One assignment per organisation: a unit expanded to many gives each of them the unit's role and primacy; an
    /// organisation named twice in a task (中宁县人民政府 and 各县（区）人民政府) is assigned once, as lead if either
    /// naming leads.
    /// </summary>
    private List<Assignment> Assignments(IReadOnlyList<ResponsibleUnit> written)
    {
        var byOrganization = new Dictionary<Organization, Assignment>(ReferenceEqualityComparer.Instance);
        foreach (var unit in written)
        {
            // Every unit of a task whose assignments are built was among the proposals, so it has a decision; a
            // stored task that the previous version's document does not explain would break that, and is refused.
            if (!units.ByName.TryGetValue(unit.Name, out var organizations)) throw new UnmappedUnitsException([unit.Name]);
            foreach (var organization in organizations)
            {
                if (byOrganization.TryGetValue(organization, out var assignment))
                {
                    if (unit.Role == UnitRole.Lead) assignment.Role = UnitRole.Lead;
                    assignment.Primary |= unit.Primary;
                    continue;
                }
                byOrganization[organization] = new Assignment
                {
                    Organization = organization,
                    OrganizationId = organization.Id,
                    Role = unit.Role,
                    Primary = unit.Primary,
                    UnitName = ColumnText.Fit(unit.Name, 200),
                };
            }
        }
        return [.. byOrganization.Values];
    }

    /// <summary>
    /// Keeps the assignment rows of organisations still named (their reports hang on them), taking over a changed role
    /// (配合 → 牵头) in place; drops the organisations no longer named and adds the new.
    /// </summary>
    private void Reassign(StoredTask task, IReadOnlyList<ResponsibleUnit> written)
    {
        var wanted = Assignments(written);
        foreach (var current in task.Assignments.ToList())
        {
            var same = wanted.FirstOrDefault(w => w.OrganizationId == current.OrganizationId);
            if (same is null)
            {
                task.Assignments.Remove(current);
                db.Assignments.Remove(current);
                removedAssignments.Add((current, $"第 {task.No} 项任务的{current.UnitName}"));
                continue;
            }
            current.Role = same.Role;
            current.Primary = same.Primary;
            current.UnitName = same.UnitName;
            wanted.Remove(same);
        }
        foreach (var added in wanted) task.Assignments.Add(added);
        AssignmentsCreated += wanted.Count;
    }

    private static void SetDeadline(StoredTask task, Deadline? deadline)
    {
        task.DeadlineRaw = ColumnText.FitOrNull(deadline?.Raw, 200);
        task.Due = deadline?.Due;
        task.Start = deadline?.Start;
        task.Ongoing = deadline?.Ongoing ?? false;
        task.Recurrence = deadline?.Recurrence;
    }

    private static void Fill(TaskTarget row, Target target)
    {
        row.Subject = ColumnText.Fit(target.Subject, 300);
        row.Comparator = target.Comparator;
        row.Value = target.Value;
        row.ValueMax = target.ValueMax;
        row.Unit = ColumnText.Fit(target.Unit, 20);
        row.Year = target.Year;
        row.PerYear = target.PerYear;
        row.Scope = target.Scope;
        row.Raw = ColumnText.Fit(target.Raw, 500);
        row.SpanStart = target.Span.Start;
        row.SpanEnd = target.Span.End;
    }

    /// <summary>
    /// Brings the plan's goal targets in line with the new version (keeping the rows, and the values reported on them, of
    /// targets still there) and replaces its governing bodies: they belong to the plan, not to a version, and the new
    /// version's are the ones that hold. A body the office corrected by hand, or one with meetings on record, is kept
    /// (docs/governance.md, "A new version of the plan"): the new version's body of the same name is then not added again.
    /// </summary>
    public async Task ReplacePlanLevelAsync(PlanDocument document, CancellationToken ct)
    {
        var goals = await db.Targets.Where(t => t.PlanId == planId && t.TaskId == null).OrderBy(t => t.Id).ToListAsync(ct);
        SyncTargetRows(goals, document.Targets, row => db.Targets.Add(row), row =>
        {
            db.Targets.Remove(row);
            removedTargets.Add((row, "目标部分"));
        });
        var meetings = db.Set<Duban.Core.Governance.Meeting>();
        var existing = await db.GoverningBodies.Include(b => b.Members).Where(b => b.PlanId == planId)
            .Select(b => new { Body = b, Held = meetings.Any(m => m.BodyId == b.Id) }).ToListAsync(ct);
        var kept = existing.Where(e => e.Held || e.Body.CorrectedAt != null).Select(e => e.Body).ToList();
        db.GoverningBodies.RemoveRange(existing.Select(e => e.Body).Except(kept));
        foreach (var body in document.Bodies)
        {
            var same = kept.FirstOrDefault(k => k.Kind == body.Kind && k.Name == ColumnText.Fit(body.Name, 300));
            if (same is null) db.GoverningBodies.Add(NewBody(body));
            else if (same.CorrectedAt is null)
            {
                // Not corrected by hand: the new version's wording holds; its meetings stay with it.
                var fresh = NewBody(body);
                same.Office = fresh.Office;
                same.OfficeOrganizationId = fresh.OfficeOrganizationId;
                same.MeetingsPerYear = fresh.MeetingsPerYear;
                same.MeetingsAtLeast = fresh.MeetingsAtLeast;
                same.CadenceText = fresh.CadenceText;
                db.BodyMembers.RemoveRange(same.Members);
                same.Members = fresh.Members;
            }
        }
    }

    /// <summary>
    /// Refuses the revision, before anything is saved, when it drops an organisation from a task or a target that
    /// already has progress reports or indicator values: deleting the row would orphan them (the database forbids it),
    /// and keeping it would leave work reported on something the plan no longer asks for. The office settles those first.
    /// </summary>
    public async Task EnsureNothingReportedIsRemovedAsync(CancellationToken ct)
    {
        var assignmentIds = removedAssignments.Select(a => a.Row.Id).Where(id => id != 0).ToList();
        var targetIds = removedTargets.Select(t => t.Row.Id).Where(id => id != 0).ToList();
        var reported = assignmentIds.Count == 0 ? []
            : await db.ProgressReports.Where(r => assignmentIds.Contains(r.AssignmentId)).Select(r => r.AssignmentId).Distinct().ToListAsync(ct);
        var observed = targetIds.Count == 0 ? []
            : await db.Observations.Where(o => targetIds.Contains(o.TargetId)).Select(o => o.TargetId).Distinct().ToListAsync(ct);
        var problems = removedAssignments.Where(a => reported.Contains(a.Row.Id)).Select(a => $"{a.Task}（已有进展报告）")
            .Concat(removedTargets.Where(t => observed.Contains(t.Row.Id)).Select(t => $"{t.Where}的指标「{t.Row.Raw}」（已有填报数值）"))
            .ToList();
        if (problems.Count > 0)
            throw new PlanImportException(ImportErrorCodes.RemovesReportedWork, ImportFields.Tasks,
                $"新版本去掉了已有填报的内容，未导入：{string.Join("；", problems)}。请先与相关单位核对这些填报，再导入。");
    }

    public void AddPlanLevel(PlanDocument document)
    {
        foreach (var target in document.Targets) db.Targets.Add(NewTarget(target));
        foreach (var body in document.Bodies) db.GoverningBodies.Add(NewBody(body));
    }
}
