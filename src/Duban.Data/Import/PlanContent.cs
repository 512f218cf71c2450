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
    /// Brings the task's targets in line with the new version, keeping the rows by position: a task whose text did not
    /// change has the same targets, now at other offsets.
    /// </summary>
    public void SyncTargets(StoredTask task, IReadOnlyList<Target> targets)
    {
        var stored = task.Targets.OrderBy(t => t.Id).ToList();
        for (var i = 0; i < Math.Max(stored.Count, targets.Count); i++)
        {
            if (i >= targets.Count) db.Targets.Remove(stored[i]);
            else if (i >= stored.Count) task.Targets.Add(NewTarget(targets[i]));
            else Fill(stored[i], targets[i]);
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

    /// <summary>Keeps the assignment rows of organisations that keep their role (their reports hang on them), drops the others, adds the new.</summary>
    private void Reassign(StoredTask task, IReadOnlyList<ResponsibleUnit> written)
    {
        var wanted = Assignments(written);
        foreach (var current in task.Assignments.ToList())
        {
            var same = wanted.FirstOrDefault(w => w.OrganizationId == current.OrganizationId && w.Role == current.Role);
            if (same is null)
            {
                task.Assignments.Remove(current);
                db.Assignments.Remove(current);
                continue;
            }
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

    /// <summary>Replaces the plan's goal targets and governing bodies: they belong to the plan, not to a version, and the new version's are the ones that hold.</summary>
    public async Task ReplacePlanLevelAsync(PlanDocument document, CancellationToken ct)
    {
        db.Targets.RemoveRange(await db.Targets.Where(t => t.PlanId == planId && t.TaskId == null).ToListAsync(ct));
        db.GoverningBodies.RemoveRange(await db.GoverningBodies.Include(b => b.Members).Where(b => b.PlanId == planId).ToListAsync(ct));
        AddPlanLevel(document);
    }

    public void AddPlanLevel(PlanDocument document)
    {
        foreach (var target in document.Targets) db.Targets.Add(NewTarget(target));
        foreach (var body in document.Bodies) db.GoverningBodies.Add(NewBody(body));
    }
}
