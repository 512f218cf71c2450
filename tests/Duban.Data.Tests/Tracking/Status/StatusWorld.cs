using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Regions;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data.Tests.Support;
using Comparator = Duban.Parsing.Model.Comparator;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Data.Tests.Tracking.Status;

/// <summary>
/// A plan imported on 1 January 2026 with a monthly cycle, seen on 15 April 2026 (Beijing): January to March have
/// closed, March last. Tasks are added one per row of a table; reports and values are stored as the services would
/// leave them, without going through them.
/// </summary>
internal sealed class StatusWorld(DubanDbContext db, Plan plan, Organization bureau, Organization school, PlanTaskList list)
{
    public static readonly DateTimeOffset Imported = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateOnly January = new(2026, 1, 1), February = new(2026, 2, 1), March = new(2026, 3, 1);

    public long PlanId => plan.Id;
    public long BureauId => bureau.Id;
    public long SchoolId => school.Id;

    public static async Task<StatusWorld> CreateAsync(DubanDbContext db, string name)
    {
        var region = await TestRegions.AddAsync(db, name + "市", RegionLevel.City);
        var bureau = new Organization { Name = name + "市教育局", Kind = OrganizationKind.Department, RegionId = region.Id };
        var school = new Organization { Name = name + "职业学院", Kind = OrganizationKind.School, RegionId = region.Id };
        var plan = new Plan { Title = name + "方案", RegionId = region.Id, CreatedAt = Imported };
        var list = new PlanTaskList { Name = "清单" };
        plan.Versions.Add(new PlanVersion
        {
            Number = 1, FileName = "a.txt", Content = [1], Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), Text = "正文", ParsedJson = "{}", ImportedAt = Imported,
            TaskLists = [list],
        });
        db.AddRange(bureau, school, plan);
        await db.SaveChangesAsync();
        plan.CurrentVersionId = plan.Versions[0].Id;
        await db.SaveChangesAsync();
        return new StatusWorld(db, plan, bureau, school, list);
    }

    /// <summary>A task led by the bureau, the school cooperating.</summary>
    public async Task<PlanTask> TaskAsync(string text, DateOnly? due, bool ongoing = false)
    {
        var task = new PlanTask
        {
            PlanId = plan.Id, TaskListId = list.Id, Key = "清单/" + text, No = text, Order = list.Tasks.Count, Text = text, Due = due, Ongoing = ongoing,
            Assignments =
            [
                new() { OrganizationId = bureau.Id, Role = UnitRole.Lead, Primary = true, UnitName = bureau.Name },
                new() { OrganizationId = school.Id, Role = UnitRole.Cooperating, UnitName = school.Name },
            ],
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task;
    }

    public static long Lead(PlanTask task) => task.Assignments.Single(a => a.Role == UnitRole.Lead).Id;

    public static long Cooperating(PlanTask task) => task.Assignments.Single(a => a.Role == UnitRole.Cooperating).Id;

    private async Task<Period> PeriodAsync(DateOnly start)
    {
        var span = PeriodSpan.StartingOn(PeriodKind.Monthly, start)!.Value;
        var period = db.Periods.Local.SingleOrDefault(p => p.PlanId == plan.Id && p.Start == start);
        if (period is not null) return period;
        period = Period.Of(plan.Id, span);
        db.Periods.Add(period);
        await db.SaveChangesAsync();
        return period;
    }

    /// <summary>A report of the assignment for the month, with one revision, in the given review status.</summary>
    public async Task ReportAsync(long assignmentId, DateOnly month, ReportStatus status, ProgressState state, int? percent = null,
        DateTimeOffset? submittedAt = null, bool late = false, string done = "已开展工作")
    {
        var period = await PeriodAsync(month);
        var at = submittedAt ?? new DateTimeOffset(month.AddMonths(1).AddDays(2).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        var report = new ProgressReport
        {
            AssignmentId = assignmentId, PeriodId = period.Id, Status = status, RevisionCount = 1, CreatedAt = at,
            SubmittedAt = status == ReportStatus.Draft ? null : at, Late = late,
        };
        db.ProgressReports.Add(report);
        await db.SaveChangesAsync();
        var revision = new ReportRevision
        {
            ReportId = report.Id, Number = 1, State = state, PercentComplete = percent, Done = done, AuthorId = 1, AuthorName = "填报员", CreatedAt = at,
            SubmittedAt = report.SubmittedAt,
        };
        db.ReportRevisions.Add(revision);
        await db.SaveChangesAsync();
        report.LatestRevisionId = revision.Id;
        await db.SaveChangesAsync();
    }

    public async Task<TaskTarget> TargetAsync(string subject, Comparator comparator, decimal value, string unit, int? year, long? taskId = null)
    {
        var target = new TaskTarget { PlanId = plan.Id, TaskId = taskId, Subject = subject, Comparator = comparator, Value = value, Unit = unit, Year = year, Raw = subject };
        db.Targets.Add(target);
        await db.SaveChangesAsync();
        return target;
    }

    public async Task ValueAsync(long targetId, long organizationId, DateOnly month, decimal value)
    {
        var period = await PeriodAsync(month);
        var observation = new Observation { TargetId = targetId, OrganizationId = organizationId, PeriodId = period.Id, RevisionCount = 1, CreatedAt = Imported };
        db.Observations.Add(observation);
        await db.SaveChangesAsync();
        var revision = new ObservationRevision { ObservationId = observation.Id, Number = 1, Value = value, AuthorId = 1, AuthorName = "填报员", CreatedAt = Imported };
        db.ObservationRevisions.Add(revision);
        await db.SaveChangesAsync();
        observation.LatestRevisionId = revision.Id;
        await db.SaveChangesAsync();
    }
}
