using Duban.Core.Notifications;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Supervision;
using Duban.Data;
using Duban.Data.Import;
using Duban.Data.Tracking;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Duban.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Authorization;

/// <summary>Who acts in the write matrix.</summary>
public enum Actor
{
    Anonymous,
    /// <summary>填报员 of 清河市教育局 (the city side).</summary>
    ReporterA,
    /// <summary>填报员 of 东湖县人民政府 (the county side).</summary>
    ReporterB,
    /// <summary>督查员 with scope 清河市 and below: sees both sides, acts on none.</summary>
    InspectorIn,
    /// <summary>督查员 of another region.</summary>
    InspectorOut,
    /// <summary>管理员 with scope 东湖县 and below.</summary>
    CountyAdmin,
    /// <summary>管理员 with scope 清河市 and below.</summary>
    CityAdmin,
    /// <summary>管理员 with scope 全部.</summary>
    FullAdmin,
}

/// <summary>
/// Whose record a write concerns: the county's (东湖县 and its government), the city's (清河市 and its education
/// bureau, on the same shared task where there is one, so that a county administrator <em>sees</em> it), something
/// wider (the province, an account of scope 全部, a plan of another region), or the caller's own (its notifications,
/// its organisation's uploads).
/// </summary>
public enum Side
{
    County,
    City,
    Wide,
    Self,
}

/// <summary>
/// The records of the write matrix: a published 清河市 plan with one task shared by 清河市教育局 and 东湖县人民政府 (a
/// submitted report and a 督办单 for each), a task of each alone (values, uploads), a plan of 东湖县, a plan of another
/// region with its own report and order, and accounts on each side, one of them of scope 全部 but belonging to a city
/// organisation (the account a city administrator must not take over).
/// </summary>
public sealed class WriteMatrixWorld
{
    public required DubanWebFactory Factory { get; init; }
    public required long County { get; init; }
    public required long City { get; init; }
    public required long Province { get; init; }
    public required long OrgA { get; init; }
    public required long OrgB { get; init; }
    public required long OrgWide { get; init; }
    public required long CityPlan { get; init; }
    public required long CountyPlan { get; init; }
    public required long OtherPlan { get; init; }
    public required long SharedTask { get; init; }
    public required long CountyPlanTask { get; init; }
    public required long OtherTask { get; init; }
    public required long OtherTaskOrg { get; init; }
    public required IReadOnlyDictionary<Side, long> Reports { get; init; }
    public required IReadOnlyDictionary<Side, long> Orders { get; init; }
    public required IReadOnlyDictionary<Side, long> Observations { get; init; }
    public required IReadOnlyDictionary<Side, long> Targets { get; init; }
    public required IReadOnlyDictionary<Side, long> OwnTasks { get; init; }
    public required IReadOnlyDictionary<Side, long> Assignments { get; init; }
    public required IReadOnlyDictionary<Side, long> Users { get; init; }
    public required long Webhook { get; init; }
    /// <summary>Assessment schemes of each side: 东湖县 over its government, 清河市 over both sides' organisations, 江南省 over its department.</summary>
    public required IReadOnlyDictionary<Side, long> Schemes { get; init; }
    /// <summary>An assessment of each side's scheme (清河市's assesses both sides, so the county's administrator sees it).</summary>
    public required IReadOnlyDictionary<Side, long> Assessments { get; init; }
    /// <summary>An assessment of each side's organisation alone, for its reporter's 自评.</summary>
    public required IReadOnlyDictionary<Side, long> SelfAssessments { get; init; }
    public required IReadOnlyDictionary<Actor, long> ActorIds { get; init; }
    public required IReadOnlyDictionary<Actor, HttpClient> Clients { get; init; }

    public const string Password = "matrix-write-password-1";

    public long OrganizationOf(Side side) => side switch { Side.County => OrgB, Side.City => OrgA, _ => OrgWide };

    public long RegionOf(Side side) => side switch { Side.County => County, Side.City => City, _ => Province };

    public long PlanOf(Side side) => side switch { Side.County => CountyPlan, Side.City => CityPlan, _ => OtherPlan };

    public static async Task<WriteMatrixWorld> BuildAsync(DubanWebFactory factory)
    {
        var province = await factory.RegionIdAsync(DemoSeeder.Province);
        var city = await factory.RegionIdAsync(DemoSeeder.City);
        var county = await factory.RegionIdAsync(DemoSeeder.Counties[0]);
        var orgA = await factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var orgB = await factory.OrganizationIdAsync(DemoSeeder.Counties[0] + "人民政府");
        var orgWide = await factory.OrganizationIdAsync("江南省教育厅");

        var cityPlan = await PlansFixture.ImportAsync(factory, "unit-clauses.txt", new PlanRegion.Existing(city));
        var countyPlan = await PlansFixture.ImportAsync(factory, "deadline-forms.txt", new PlanRegion.Existing(county));
        var otherPlan = await PlansFixture.ImportAsync(factory, "paren-numbered-tasks.txt", new PlanRegion.FromDocument());
        await factory.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == cityPlan)).Status = PlanStatus.Published;
            await db.SaveChangesAsync();
        });

        // The shared task: 清河市教育局's first task, with 东湖县人民政府 added; a task of each alone.
        var (shared, sharedA, sharedB, onlyA, onlyB) = await factory.WithDbAsync(async db =>
        {
            var current = CurrentTasks(db, cityPlan);
            var ofA = await db.Assignments.Where(a => a.OrganizationId == orgA && current.Contains(a.TaskId)).OrderBy(a => a.Id).ToListAsync();
            ofA.Count.ShouldBeGreaterThan(1, "the city plan needs two tasks of 清河市教育局");
            var task = ofA[0].TaskId;
            var b = new Assignment { TaskId = task, OrganizationId = orgB, Role = ofA[0].Role, UnitName = "东湖县人民政府" };
            var otherTask = await current.Where(t => t != task && !db.Assignments.Any(a => a.TaskId == t && a.OrganizationId == orgA)).OrderBy(t => t).FirstOrDefaultAsync();
            otherTask.ShouldNotBe(0, "the city plan needs a task without 清河市教育局");
            var onlyB = new Assignment { TaskId = otherTask, OrganizationId = orgB, Role = ofA[0].Role, UnitName = "东湖县人民政府" };
            db.AddRange(b, onlyB);
            await db.SaveChangesAsync();
            var onlyA = ofA.First(a => a.TaskId != task);
            return (task, ofA[0], b, onlyA, onlyB);
        });
        var countyPlanTask = await factory.WithDbAsync(db => CurrentTasks(db, countyPlan).OrderBy(t => t).FirstAsync());
        var otherAssignment = await factory.WithDbAsync(db => db.Assignments.AsNoTracking()
            .Where(a => CurrentTasks(db, otherPlan).Contains(a.TaskId)).OrderBy(a => a.Id).FirstAsync());

        var store = EvidenceStore.Under(new DatabaseOptions { DataDirectory = factory.DataDirectory });
        async Task<(long Report, long Evidence, long Observation, long Target)> Records(long plan, Assignment assignment, string tag) =>
            await factory.WithDbAsync(db => TrackingRecords.RecordsAsync(db, store, plan, assignment, tag));
        var reportA = await Records(cityPlan, sharedA, "写矩阵A");
        var reportB = await Records(cityPlan, sharedB, "写矩阵B");
        var reportWide = await Records(otherPlan, otherAssignment, "写矩阵W");
        var valueA = await Records(cityPlan, onlyA, "写矩阵A2");
        var valueB = await Records(cityPlan, onlyB, "写矩阵B2");
        await factory.WithDbAsync(async db =>
        {
            foreach (var id in new[] { reportA.Report, reportB.Report })
            {
                var report = await db.ProgressReports.SingleAsync(r => r.Id == id);
                report.Status = ReportStatus.Submitted;
                report.SubmittedAt = TrackingRecords.At;
            }
            await db.SaveChangesAsync();
        });

        var orders = new Dictionary<Side, long>
        {
            [Side.County] = await factory.WithDbAsync(db => OrderAsync(db, sharedB)),
            [Side.City] = await factory.WithDbAsync(db => OrderAsync(db, sharedA)),
            [Side.Wide] = await factory.WithDbAsync(db => OrderAsync(db, otherAssignment)),
        };

        var users = new Dictionary<Side, long>
        {
            [Side.County] = (await factory.CreateUserAsync("wm-target-county", Password, Role.Reporter, DataScope.Own, orgB)).Id,
            [Side.City] = (await factory.CreateUserAsync("wm-target-city", Password, Role.Reporter, DataScope.Own, orgA)).Id,
            // The account H1 was about: its organisation lies in the city, its scope is everything.
            [Side.Wide] = (await factory.CreateUserAsync("wm-target-wide", Password, Role.Admin, DataScope.All, orgA)).Id,
        };

        var otherRegion = await factory.WithDbAsync(db => db.Plans.Where(p => p.Id == otherPlan).Select(p => p.RegionId!.Value).SingleAsync());
        var accounts = new Dictionary<Actor, (Role Role, DataScope Scope, long? Organization, long? Region)>
        {
            [Actor.ReporterA] = (Role.Reporter, DataScope.Own, orgA, null),
            [Actor.ReporterB] = (Role.Reporter, DataScope.Own, orgB, null),
            [Actor.InspectorIn] = (Role.Inspector, DataScope.RegionAndBelow, null, city),
            [Actor.InspectorOut] = (Role.Inspector, DataScope.RegionAndBelow, null, otherRegion),
            [Actor.CountyAdmin] = (Role.Admin, DataScope.RegionAndBelow, null, county),
            [Actor.CityAdmin] = (Role.Admin, DataScope.RegionAndBelow, null, city),
            [Actor.FullAdmin] = (Role.Admin, DataScope.All, null, null),
        };
        var ids = new Dictionary<Actor, long>();
        var clients = new Dictionary<Actor, HttpClient> { [Actor.Anonymous] = factory.CreateClient() };
        foreach (var (actor, a) in accounts)
        {
            var name = "wm-" + actor.ToString().ToLowerInvariant();
            ids[actor] = (await factory.CreateUserAsync(name, Password, a.Role, a.Scope, a.Organization, a.Region)).Id;
            clients[actor] = await factory.SignedInAsync(name, Password);
        }

        var webhook = await factory.WithDbAsync(async db =>
        {
            var endpoint = new WebhookEndpoint { Name = "写矩阵", Url = "https://hooks.example.invalid/write-matrix", Secret = "write-matrix-secret", CreatedAt = DateTimeOffset.UtcNow };
            db.Add(endpoint);
            await db.SaveChangesAsync();
            return endpoint.Id;
        });

        var schemes = new Dictionary<Side, long>();
        var assessments = new Dictionary<Side, long>();
        var selfAssessments = new Dictionary<Side, long>();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<Duban.Data.Assessments.AssessmentDesk>();
            var year = Duban.Core.Tracking.Status.TrackingDay.Today(TimeProvider.System).Year;
            async Task<(long Scheme, long Assessment)> AssessAsync(string name, long region, long[] organizations)
            {
                var scheme = (await desk.CreateSchemeAsync(AssessmentSamples.Office,
                    new Duban.Data.Assessments.NewScheme(name, region, null, Duban.Core.Assessments.DefaultScheme.For(organizations), null))).Value!;
                return (scheme.Id, (await desk.CreateAssessmentAsync(AssessmentSamples.Office, new Duban.Data.Assessments.NewAssessment(scheme.Id, year, null))).Value!.Id);
            }
            (schemes[Side.County], assessments[Side.County]) = await AssessAsync("写矩阵东湖县考核", county, [orgB]);
            (schemes[Side.City], assessments[Side.City]) = await AssessAsync("写矩阵清河市考核", city, [orgA, orgB]);
            (schemes[Side.Wide], assessments[Side.Wide]) = await AssessAsync("写矩阵江南省考核", province, [orgWide]);
            selfAssessments[Side.County] = assessments[Side.County];
            selfAssessments[Side.City] = (await AssessAsync("写矩阵清河市教育局自评", city, [orgA])).Assessment;
            selfAssessments[Side.Wide] = assessments[Side.Wide];
        }

        return new WriteMatrixWorld
        {
            Factory = factory, County = county, City = city, Province = province, OrgA = orgA, OrgB = orgB, OrgWide = orgWide,
            CityPlan = cityPlan, CountyPlan = countyPlan, OtherPlan = otherPlan, SharedTask = shared, CountyPlanTask = countyPlanTask,
            OtherTask = otherAssignment.TaskId, OtherTaskOrg = otherAssignment.OrganizationId,
            Reports = new Dictionary<Side, long> { [Side.County] = reportB.Report, [Side.City] = reportA.Report, [Side.Wide] = reportWide.Report },
            Orders = orders,
            Observations = new Dictionary<Side, long> { [Side.County] = valueB.Observation, [Side.City] = valueA.Observation, [Side.Wide] = reportWide.Observation },
            Targets = new Dictionary<Side, long> { [Side.County] = valueB.Target, [Side.City] = valueA.Target, [Side.Wide] = reportWide.Target },
            OwnTasks = new Dictionary<Side, long> { [Side.County] = onlyB.TaskId, [Side.City] = onlyA.TaskId, [Side.Wide] = otherAssignment.TaskId },
            Assignments = new Dictionary<Side, long> { [Side.County] = onlyB.Id, [Side.City] = onlyA.Id, [Side.Wide] = otherAssignment.Id },
            Users = users, Webhook = webhook, ActorIds = ids, Clients = clients,
            Schemes = schemes, Assessments = assessments, SelfAssessments = selfAssessments,
        };
    }

    /// <summary>A notification of the actor's own, made for the one request that marks it read.</summary>
    public Task<long> OwnNotificationAsync(Actor actor) => NotificationAsync(ActorIds.GetValueOrDefault(actor, Users[Side.City]));

    public Task<long> NotificationAsync(long recipient) => Factory.WithDbAsync(async db =>
    {
        var notification = new Notification
        {
            RecipientId = recipient, Kind = NotificationKinds.Test, Title = "写矩阵通知", Body = "写矩阵", CreatedAt = DateTimeOffset.UtcNow,
            IdempotencyKey = "write-matrix:" + Guid.NewGuid().ToString("N"),
        };
        db.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    });

    /// <summary>A fresh organisation in the side's region, for writes that would spoil a shared one (merges, alias removals).</summary>
    public Task<Organization> FreshOrganizationAsync(Side side, string tag) => Factory.WithDbAsync(async db =>
    {
        var organization = new Organization
        {
            Name = $"写矩阵{tag}{Guid.NewGuid():N}"[..24], Kind = OrganizationKind.Department, RegionId = RegionOf(side),
            Aliases = [new() { Name = "写矩阵别名" + Guid.NewGuid().ToString("N")[..8] }],
        };
        db.Add(organization);
        await db.SaveChangesAsync();
        return organization;
    });

    public Task<long> AliasOfAsync(Side side) => Factory.WithDbAsync(async db =>
    {
        var alias = new OrganizationAlias { OrganizationId = OrganizationOf(side), Name = "写矩阵别名" + Guid.NewGuid().ToString("N")[..8] };
        db.OrganizationAliases.Add(alias);
        await db.SaveChangesAsync();
        return alias.Id;
    });

    /// <summary>
    /// A task of its own in the side's plan, for the task-editing rows (a retirement or a merge would spoil a shared one): on
    /// the county's plan for 东湖县人民政府, on the city's plan shared by 清河市教育局 and 东湖县人民政府 (so the county's
    /// administrator sees it), on the other region's plan for its organisation; without organisations when asked.
    /// </summary>
    public Task<(long Task, long? Assignment)> FreshTaskAsync(Side side, bool withUnits = true) => Factory.WithDbAsync(async db =>
    {
        var plan = PlanOf(side);
        var list = await db.TaskLists.Where(l => db.Plans.Any(p => p.Id == plan && p.CurrentVersionId == l.PlanVersionId)).OrderBy(l => l.Order).FirstAsync();
        var task = new PlanTask { PlanId = plan, TaskListId = list.Id, Key = "manual:" + Guid.NewGuid().ToString("N"), No = "写矩阵", Text = "写矩阵任务", Order = 999 };
        if (withUnits)
        {
            var organizations = side switch { Side.County => [OrgB], Side.City => [OrgA, OrgB], _ => new[] { OtherTaskOrg } };
            foreach (var organization in organizations)
                task.Assignments.Add(new Assignment { OrganizationId = organization, Role = Duban.Parsing.Model.UnitRole.Lead, UnitName = "写矩阵单位" });
        }
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return (task.Id, task.Assignments.Count == 0 ? (long?)null : task.Assignments[^1].Id);
    });

    public Task<int> AuditCountAsync() => Factory.WithDbAsync(db => db.AuditEntries.CountAsync());

    private static IQueryable<long> CurrentTasks(DubanDbContext db, long planId) =>
        db.Tasks.Where(t => t.PlanId == planId && t.RemovedInVersionId == null && db.Plans.Any(p => p.Id == planId && p.CurrentVersionId == t.TaskList!.PlanVersionId))
            .Select(t => t.Id);

    private static async Task<long> OrderAsync(DubanDbContext db, Assignment assignment)
    {
        var order = new SupervisionOrder
        {
            Number = "写矩阵-" + Guid.NewGuid().ToString("N"), TaskId = assignment.TaskId, AssignmentId = assignment.Id, OrganizationId = assignment.OrganizationId,
            Reason = "写矩阵督办事由", IssuedAt = DateTimeOffset.UtcNow, IssuedByName = "sample", ReplyBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10),
            Origin = OrderOrigin.Manual, IdempotencyKey = "write-matrix-order:" + Guid.NewGuid().ToString("N"),
        };
        db.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    }
}

/// <summary>One application with one <see cref="WriteMatrixWorld"/> for all the tests of a class.</summary>
public sealed class WriteMatrixFixture : IAsyncLifetime
{
    private readonly WebAppWithoutSamplePlansFixture app = new();

    public DubanWebFactory Factory => app.Factory;

    public WriteMatrixWorld World { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await app.InitializeAsync();
        World = await WriteMatrixWorld.BuildAsync(app.Factory);
    }

    public Task DisposeAsync() => app.DisposeAsync();
}
