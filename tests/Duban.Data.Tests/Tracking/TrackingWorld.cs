using Duban.Data.Audit;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Regions;
using Duban.Core.Security;
using Duban.Data.Import;
using Duban.Data.Tests.Support;
using Duban.Data.Tracking;
using Comparator = Duban.Parsing.Model.Comparator;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Data.Tests.Tracking;

/// <summary>A clock the test sets: tracking rules read the date through <see cref="TimeProvider"/>.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// One plan of its own per test, in a region of its own: a task led by a bureau with a school cooperating, a task
/// target, a plan-level target, and the region's government; reporters for the bureau, the school and the government.
/// </summary>
internal sealed record TrackingWorld(
    long PlanId, long TaskId, long LeadAssignmentId, long CooperatingAssignmentId, long TaskTargetId, long PlanTargetId,
    TrackingActor Bureau, TrackingActor School, TrackingActor Government, TrackingActor Admin)
{
    /// <summary>Mid-April 2026 in Beijing: March's window (to 5 April) has closed, April is the current period.</summary>
    public static readonly DateTimeOffset April15 = new(2026, 4, 15, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly March = new(2026, 3, 1);

    public static async Task<TrackingWorld> CreateAsync(DubanDbContext db, string name)
    {
        var region = await TestRegions.AddAsync(db, name + "市", RegionLevel.City);
        var bureau = new Organization { Name = name + "市教育局", Kind = OrganizationKind.Department, RegionId = region.Id };
        var school = new Organization { Name = name + "职业学院", Kind = OrganizationKind.School, RegionId = region.Id };
        var government = new Organization { Name = name + "市人民政府", Kind = OrganizationKind.Government, RegionId = region.Id };
        // Published: the plan is being tracked, and its plan-level targets are its region's government's to report.
        var plan = new Plan { Title = name + "方案", RegionId = region.Id, CreatedAt = April15, Status = PlanStatus.Published };
        db.AddRange(bureau, school, government, plan);
        await db.SaveChangesAsync();
        var task = new PlanTask
        {
            PlanId = plan.Id, Key = "清单/1", No = "1", Text = "建设实训基地", Due = new DateOnly(2026, 12, 31),
            Assignments =
            [
                new() { OrganizationId = bureau.Id, Role = UnitRole.Lead, Primary = true, UnitName = "市教育局" },
                new() { OrganizationId = school.Id, Role = UnitRole.Cooperating, UnitName = "各职业院校" },
            ],
            Targets = [new() { PlanId = plan.Id, Subject = "实训基地", Comparator = Comparator.AtLeast, Value = 3, Unit = "个", Raw = "3个以上" }],
        };
        plan.Versions.Add(FirstVersion(task));
        var planTarget = new TaskTarget { PlanId = plan.Id, Subject = "职业院校在校生", Comparator = Comparator.AtLeast, Value = 20000, Unit = "人", Raw = "2万人以上" };
        db.Targets.Add(planTarget);
        await db.SaveChangesAsync();
        plan.CurrentVersionId = plan.Versions[0].Id;
        await db.SaveChangesAsync();

        return new TrackingWorld(plan.Id, task.Id, task.Assignments[0].Id, task.Assignments[1].Id, task.Targets[0].Id, planTarget.Id,
            new(1001, name + "-bureau", Role.Reporter, bureau.Id), new(1002, name + "-school", Role.Reporter, school.Id),
            new(1003, name + "-gov", Role.Reporter, government.Id), new(1, name + "-admin", Role.Admin, null));
    }

    /// <summary>A plan's first version holding one list with the task.</summary>
    public static PlanVersion FirstVersion(PlanTask task) => new()
    {
        Number = 1, FileName = "a.txt", Content = [1], Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), Text = "正文", ParsedJson = "{}", ImportedAt = April15,
        TaskLists = [new() { Name = "清单", Tasks = [task] }],
    };

    public static ProgressReporting Reports(DubanDbContext db, TimeProvider clock) => new(db, clock, new AuditLog(db, clock));

    public static ObservationReporting Values(DubanDbContext db, TimeProvider clock) => new(db, clock, new AuditLog(db, clock));

    public static ReportContent Content(string done, int percent = 30) =>
        new(Core.Tracking.Reporting.ProgressState.InProgress, percent, done, "无", "继续推进", null);
}
