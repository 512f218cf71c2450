using Duban.Core.Assessments;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Regions;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Supervision;
using Duban.Data.Assessments;
using Duban.Data.Audit;
using Duban.Data.Tests.Support;
using Duban.Data.Tests.Tracking;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;
using Comparator = Duban.Parsing.Model.Comparator;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Data.Tests.Assessments;

/// <summary>
/// A city with two counties and a year of work, done through the tracking services as people do it, on a quarterly
/// cycle (window 10 days) of a plan imported on 10 January 2026:
/// <list type="bullet">
/// <item>task 1 (due 30 June 2026, target 双师型教师比例 ≥ 50 % in 2026), led by both county governments. County A reports
/// Q1 on time (returned once, then approved), reports 已完成 on 20 June (approved) and a value of 55; county B reports Q1
/// late, gets a 督办单 on 5 July (reply by 15 July), answers on 10 July, and is flagged 约谈 on 1 August;</item>
/// <item>task 2, ongoing, led by the city bureau, which never reports.</item>
/// </list>
/// </summary>
internal sealed record AssessmentWorld(
    long RegionId, long CountyA, long CountyB, long Bureau, long PlanId, long Task1, long Task2, long OrderId, long FlagId,
    TrackingActor ReporterA, TrackingActor ReporterB, TrackingActor Admin, TrackingActor Inspector)
{
    public static DateTimeOffset Beijing(int year, int month, int day) => new(year, month, day, 2, 0, 0, TimeSpan.Zero);

    public static async Task<AssessmentWorld> CreateAsync(DatabaseOptions options, string name)
    {
        var clock = new TestClock(Beijing(2026, 1, 10));
        long regionId, a, b, bureau, planId, task1, task2, target;
        await using (var db = DatabaseFixture.Context(options))
        {
            var city = await TestRegions.AddAsync(db, name + "市", RegionLevel.City);
            var countyA = await TestRegions.AddAsync(db, name + "甲县", RegionLevel.County, city);
            var countyB = await TestRegions.AddAsync(db, name + "乙县", RegionLevel.County, city);
            var govA = new Organization { Name = name + "甲县人民政府", Kind = OrganizationKind.Government, RegionId = countyA.Id };
            var govB = new Organization { Name = name + "乙县人民政府", Kind = OrganizationKind.Government, RegionId = countyB.Id };
            var office = new Organization { Name = name + "市教育局", Kind = OrganizationKind.Department, RegionId = city.Id };
            var plan = new Plan { Title = name + "职业教育改革实施方案", RegionId = city.Id, CreatedAt = clock.Now, Status = PlanStatus.Published };
            db.AddRange(govA, govB, office, plan);
            await db.SaveChangesAsync();
            var first = new PlanTask
            {
                PlanId = plan.Id, Key = "清单/1", No = "1", Text = "建设县级实训基地", Due = new DateOnly(2026, 6, 30),
                Assignments =
                [
                    new() { OrganizationId = govA.Id, Role = UnitRole.Lead, Primary = true, UnitName = "各县人民政府" },
                    new() { OrganizationId = govB.Id, Role = UnitRole.Lead, UnitName = "各县人民政府" },
                ],
                Targets = [new() { PlanId = plan.Id, Subject = "双师型教师比例", Comparator = Comparator.AtLeast, Value = 50, Unit = "%", Year = 2026, Raw = "双师型教师比例达到50%以上" }],
            };
            var second = new PlanTask
            {
                PlanId = plan.Id, Key = "清单/2", No = "2", Text = "持续推进产教融合", Ongoing = true,
                Assignments = [new() { OrganizationId = office.Id, Role = UnitRole.Lead, Primary = true, UnitName = "市教育局" }],
            };
            var version = TrackingWorld.FirstVersion(first);
            version.TaskLists[0].Tasks.Add(second);
            plan.Versions.Add(version);
            db.Add(new ReportingCycle { PlanId = plan.Id, Kind = PeriodKind.Quarterly, WindowDays = 10 });
            await db.SaveChangesAsync();
            plan.CurrentVersionId = plan.Versions[0].Id;
            await db.SaveChangesAsync();
            (regionId, a, b, bureau, planId, task1, task2, target) = (city.Id, govA.Id, govB.Id, office.Id, plan.Id, first.Id, second.Id, first.Targets[0].Id);
        }

        var reporterA = new TrackingActor(2001, name + "-甲县填报员", Role.Reporter, a);
        var reporterB = new TrackingActor(2002, name + "-乙县填报员", Role.Reporter, b);
        var admin = new TrackingActor(2003, name + "-市管理员", Role.Admin, null);
        var inspector = new TrackingActor(2004, name + "-督查员", Role.Inspector, null);
        long AssignmentOf(DubanDbContext db, long organizationId) => db.Assignments.Single(x => x.TaskId == task1 && x.OrganizationId == organizationId).Id;

        async Task<ProgressReport> SubmitAsync(TrackingActor reporter, long organizationId, DateOnly period, ReportContent content, DateTimeOffset at)
        {
            clock.Now = at;
            await using var db = DatabaseFixture.Context(options);
            var reports = TrackingWorld.Reports(db, clock);
            var created = (await reports.CreateAsync(reporter, new NewReport(AssignmentOf(db, organizationId), period, content))).Value!;
            return (await reports.SubmitAsync(reporter, created.Id, created.Version)).Value!;
        }
        async Task<ProgressReport> ReviewAsync(ProgressReport report, ReviewDecision decision, DateTimeOffset at)
        {
            clock.Now = at;
            await using var db = DatabaseFixture.Context(options);
            return (await TrackingWorld.Reports(db, clock).ReviewAsync(admin, report.Id, report.Version, new ReviewInput(decision, decision == ReviewDecision.Returned ? "请补充数据。" : "同意。"))).Value!;
        }

        var q1 = new DateOnly(2026, 1, 1);
        var q2 = new DateOnly(2026, 4, 1);
        // County A, Q1: on time, returned once, revised, approved.
        var aQ1 = await SubmitAsync(reporterA, a, q1, TrackingWorld.Content("完成选址论证"), Beijing(2026, 4, 5));
        aQ1 = await ReviewAsync(aQ1, ReviewDecision.Returned, Beijing(2026, 4, 6));
        clock.Now = Beijing(2026, 4, 7);
        await using (var db = DatabaseFixture.Context(options))
        {
            var reports = TrackingWorld.Reports(db, clock);
            var revised = (await reports.ReviseAsync(reporterA, aQ1.Id, aQ1.Version, TrackingWorld.Content("完成选址论证，附数据", 40))).Value!;
            aQ1 = (await reports.SubmitAsync(reporterA, revised.Id, revised.Version)).Value!;
        }
        await ReviewAsync(aQ1, ReviewDecision.Approved, Beijing(2026, 4, 8));
        // County B, Q1: late (the window closed on 10 April), approved.
        var bQ1 = await SubmitAsync(reporterB, b, q1, TrackingWorld.Content("正在谋划"), Beijing(2026, 4, 15));
        await ReviewAsync(bQ1, ReviewDecision.Approved, Beijing(2026, 4, 16));
        // County A completes the task on 20 June, before its deadline, and reports the value 55 %.
        var aQ2 = await SubmitAsync(reporterA, a, q2, new ReportContent(ProgressState.Completed, 100, "实训基地建成并通过验收", "无", "巩固成果", null), Beijing(2026, 6, 20));
        await ReviewAsync(aQ2, ReviewDecision.Approved, Beijing(2026, 6, 21));
        clock.Now = Beijing(2026, 6, 20);
        await using (var db = DatabaseFixture.Context(options))
            (await TrackingWorld.Values(db, clock).CreateAsync(reporterA, new NewObservation(target, q2, new ObservationContent(55, "年中统计", null)))).Error.ShouldBeNull();

        // County B: a 督办单 answered in time, and a 约谈.
        long orderId, flagId;
        await using (var db = DatabaseFixture.Context(options))
        {
            var assignment = AssignmentOf(db, b);
            var order = new SupervisionOrder
            {
                Number = $"督办〔2026〕{name}号", TaskId = task1, AssignmentId = assignment, OrganizationId = b, Reason = "任务逾期未完成", IssuedAt = Beijing(2026, 7, 5),
                IssuedByName = "system", ReplyBy = new DateOnly(2026, 7, 15), Status = OrderStatus.Answered, Origin = OrderOrigin.Automatic, IdempotencyKey = "assessment-test:" + Guid.NewGuid(),
                Rectifications = [new() { Number = 1, Measures = "增加投入，9月底前建成", NewDate = new DateOnly(2026, 9, 30), AuthorId = reporterB.UserId, AuthorName = reporterB.UserName, CreatedAt = Beijing(2026, 7, 10) }],
            };
            var flag = new TaskEvent
            {
                TaskId = task1, AssignmentId = assignment, OrganizationId = b, Kind = TaskEventKind.Summons, At = Beijing(2026, 8, 1), ActorName = "system",
                Summary = "多次督办未完成，约谈", IdempotencyKey = "assessment-test-flag:" + Guid.NewGuid(),
            };
            db.AddRange(order, flag);
            await db.SaveChangesAsync();
            (orderId, flagId) = (order.Id, flag.Id);
        }
        return new AssessmentWorld(regionId, a, b, bureau, planId, task1, task2, orderId, flagId, reporterA, reporterB, admin, inspector);
    }

    public IReadOnlyList<long> Organizations => [CountyA, CountyB, Bureau];

    public static AssessmentDesk Desk(DubanDbContext db, TimeProvider clock, DatabaseOptions options) =>
        new(db, clock, new AuditLog(db, clock), new AssessmentFactsReader(db), new AssessmentResults(db), EvidenceStore.Under(options), new EvidenceOptions());

    /// <summary>The default scheme over the three organisations, filed under the city.</summary>
    public async Task<long> SchemeAsync(DatabaseOptions options, TimeProvider clock)
    {
        await using var db = DatabaseFixture.Context(options);
        var outcome = await Desk(db, clock, options).CreateSchemeAsync(Admin, new NewScheme("职业教育工作督导评估方案", RegionId, null, DefaultScheme.For(Organizations), "首版"));
        outcome.Error.ShouldBeNull();
        return outcome.Value!.Id;
    }

    public static async Task<Dictionary<long, OrganizationScore>> ScoresAsync(DatabaseOptions options, long assessmentId)
    {
        await using var db = DatabaseFixture.Context(options);
        var runId = await db.Set<Assessment>().Where(a => a.Id == assessmentId).Select(a => a.CurrentRunId).SingleAsync();
        var sheet = (await new AssessmentResults(db).SheetAsync(runId, default))!;
        return sheet.Organizations.ToDictionary(o => o.OrganizationId);
    }
}
