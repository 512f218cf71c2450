using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Regions;
using Duban.Core.Security;
using Duban.Core.Tracking.Attainment;
using Duban.Data.Tests.Support;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;
using static Duban.Data.Tests.Tracking.TrackingWorld;
using Comparator = Duban.Parsing.Model.Comparator;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Data.Tests.Tracking;

/// <summary>The 全市 figure of a city's target: the city's own value, or the counties' values summed where the unit adds up.</summary>
public sealed class TargetFiguresTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private readonly TestClock clock = new(April15);

    [Theory, OnSqlite, OnPostgres]
    public async Task Counties_values_are_summed_once_per_county_and_the_citys_own_value_wins(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        CountyWorld world;
        await using (var db = DatabaseFixture.Context(options)) world = await CountyWorld.CreateAsync(db, "汇总" + provider);
        await using (var db = DatabaseFixture.Context(options))
        {
            var values = Values(db, clock);
            await Report(values, world.CountyABureau, world.Training, 3200m);
            // The school is in county A too: its value is shown, but county A is counted once, by its lead.
            await Report(values, world.CountyASchool, world.Training, 500m);
        }

        await using (var db = DatabaseFixture.Context(options))
        {
            var sheet = await Sheet(db, world.Training);
            sheet.Complete.ShouldBeTrue();
            var march = sheet.Periods.ShouldHaveSingleItem();
            march.Figure.Source.ShouldBe(RegionFigureSource.Summed);
            march.Figure.Value.ShouldBe(3200m);
            march.Figure.Partial.ShouldBeTrue();
            (march.Figure.Parts, march.Figure.ExpectedParts).ShouldBe((1, 2));
            march.Values.Select(v => v.OrganizationId).ShouldBe([world.CountyABureau.OrganizationId!.Value, world.CountyASchool.OrganizationId!.Value]);
            // A partial sum does not judge the target.
            sheet.Assessment.Status.ShouldBe(TargetStatus.NoData);
        }

        await using (var db = DatabaseFixture.Context(options)) await Report(Values(db, clock), world.CountyBBureau, world.Training, 7000m);
        await using (var db = DatabaseFixture.Context(options))
        {
            var sheet = await Sheet(db, world.Training);
            var march = sheet.Periods.ShouldHaveSingleItem();
            (march.Figure.Source, march.Figure.Value, march.Figure.Partial).ShouldBe((RegionFigureSource.Summed, 10200m, false));
            sheet.Assessment.Status.ShouldBe(TargetStatus.Achieved);
        }

        await using (var db = DatabaseFixture.Context(options)) await Report(Values(db, clock), world.CityBureau, world.Training, 9800m);
        await using (var db = DatabaseFixture.Context(options))
        {
            var sheet = await Sheet(db, world.Training);
            var march = sheet.Periods.ShouldHaveSingleItem();
            (march.Figure.Source, march.Figure.Value).ShouldBe((RegionFigureSource.Reported, 9800m));
            march.Values[0].OrganizationId.ShouldBe(world.CityBureau.OrganizationId!.Value);
            sheet.Responsible.Where(r => r.WholeRegion).Select(r => r.OrganizationId).ShouldBe([world.CityBureau.OrganizationId!.Value]);
            sheet.Responsible.Where(r => r.PartRegionId is not null).Select(r => r.PartRegionName).Distinct().ShouldBe([world.Name + "甲县", world.Name + "乙县"], ignoreOrder: true);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_percentage_is_not_summed_and_says_why(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        CountyWorld world;
        await using (var db = DatabaseFixture.Context(options)) world = await CountyWorld.CreateAsync(db, "比率" + provider);
        await using (var db = DatabaseFixture.Context(options))
        {
            await Report(Values(db, clock), world.CountyABureau, world.Share, 48m);
            await Report(Values(db, clock), world.CountyBBureau, world.Share, 55m);
        }

        await using var read = DatabaseFixture.Context(options);
        var march = (await Sheet(read, world.Share)).Periods.ShouldHaveSingleItem();
        march.Figure.Source.ShouldBe(RegionFigureSource.None);
        march.Figure.Value.ShouldBeNull();
        march.Figure.Reason.ShouldBe("单位为“%”的指标值不能由下级汇总相加，须直接填报。");
        march.Values.Count.ShouldBe(2);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_plan_level_target_is_reported_by_the_citys_and_the_counties_governments(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        CountyWorld world;
        await using (var db = DatabaseFixture.Context(options)) world = await CountyWorld.CreateAsync(db, "政府" + provider);
        await using (var db = DatabaseFixture.Context(options))
        {
            var values = Values(db, clock);
            await Report(values, world.CountyAGovernment, world.Enrolment, 8000m);
            await Report(values, world.CountyBGovernment, world.Enrolment, 9000m);
            // A department is not responsible for a plan-level target, whatever its region.
            (await values.CreateAsync(world.CountyABureau, new NewObservation(world.Enrolment, March, new ObservationContent(1m, null, null)))).Error!.Kind
                .ShouldBe(TrackingErrorKind.NotFound);
        }

        await using var read = DatabaseFixture.Context(options);
        var sheet = await Sheet(read, world.Enrolment);
        sheet.Responsible.Count(r => r.WholeRegion).ShouldBe(1);
        var march = sheet.Periods.ShouldHaveSingleItem();
        (march.Figure.Source, march.Figure.Value, march.Figure.Partial).ShouldBe((RegionFigureSource.Summed, 17000m, false));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_reader_who_sees_only_some_values_gets_no_figure(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        CountyWorld world;
        await using (var db = DatabaseFixture.Context(options)) world = await CountyWorld.CreateAsync(db, "部分" + provider);
        await using (var db = DatabaseFixture.Context(options))
        {
            await Report(Values(db, clock), world.CountyAGovernment, world.Enrolment, 8000m);
            await Report(Values(db, clock), world.CountyBGovernment, world.Enrolment, 9000m);
        }

        await using var read = DatabaseFixture.Context(options);
        var target = await read.Targets.AsNoTracking().SingleAsync(t => t.Id == world.Enrolment);
        var own = world.CountyAGovernment.OrganizationId!.Value;
        var sheet = await new TargetFigures(read, clock).SheetAsync(target, read.Observations.Where(o => o.OrganizationId == own));
        sheet.Complete.ShouldBeFalse();
        var march = sheet.Periods.ShouldHaveSingleItem();
        march.Values.ShouldHaveSingleItem().Value.ShouldBe(8000m);
        march.Figure.Source.ShouldBe(RegionFigureSource.None);
        sheet.Assessment.Status.ShouldBe(TargetStatus.NoData);
    }

    private async Task<TargetFigureSheet> Sheet(DubanDbContext db, long targetId)
    {
        var target = await db.Targets.AsNoTracking().SingleAsync(t => t.Id == targetId);
        return await new TargetFigures(db, clock).SheetAsync(target, db.Observations);
    }

    private static async Task Report(ObservationReporting values, TrackingActor actor, long targetId, decimal value)
    {
        var created = await values.CreateAsync(actor, new NewObservation(targetId, March, new ObservationContent(value, null, null)));
        created.Error.ShouldBeNull();
    }

    /// <summary>
    /// A city with two counties. One task led by the city's bureau and both counties'
    /// bureaus, county A's school cooperating; its targets 年培训1万人次 (人次) and a share in %. A plan-level target in 人,
    /// reported by the governments.
    /// </summary>
    private sealed record CountyWorld(
        string Name, long Training, long Share, long Enrolment,
        TrackingActor CityBureau, TrackingActor CountyABureau, TrackingActor CountyASchool, TrackingActor CountyBBureau,
        TrackingActor CountyAGovernment, TrackingActor CountyBGovernment)
    {
        public static async Task<CountyWorld> CreateAsync(DubanDbContext db, string name)
        {
            var city = await TestRegions.AddAsync(db, name + "市", RegionLevel.City);
            var countyA = await TestRegions.AddAsync(db, name + "甲县", RegionLevel.County, city);
            var countyB = await TestRegions.AddAsync(db, name + "乙县", RegionLevel.County, city);
            Organization Org(string n, OrganizationKind kind, Region r) => new() { Name = name + n, Kind = kind, RegionId = r.Id };
            var cityBureau = Org("市教育局", OrganizationKind.Department, city);
            var aBureau = Org("甲县教育局", OrganizationKind.Department, countyA);
            var aSchool = Org("甲县职教中心", OrganizationKind.School, countyA);
            var bBureau = Org("乙县教育局", OrganizationKind.Department, countyB);
            var cityGov = Org("市人民政府", OrganizationKind.Government, city);
            var aGov = Org("甲县人民政府", OrganizationKind.Government, countyA);
            var bGov = Org("乙县人民政府", OrganizationKind.Government, countyB);
            var plan = new Plan { Title = name + "方案", RegionId = city.Id, CreatedAt = April15, Status = PlanStatus.Published };
            db.AddRange(cityBureau, aBureau, aSchool, bBureau, cityGov, aGov, bGov, plan);
            await db.SaveChangesAsync();
            var training = new TaskTarget { PlanId = plan.Id, Subject = "年培训", Comparator = Comparator.AtLeast, Value = 10000, Unit = "人次", Year = 2026, Raw = "年培训1万人次以上" };
            var share = new TaskTarget { PlanId = plan.Id, Subject = "双师型教师比例", Comparator = Comparator.AtLeast, Value = 50, Unit = "%", Raw = "50%以上" };
            var task = new PlanTask
            {
                PlanId = plan.Id, Key = "清单/1", No = "1", Text = "开展职业技能培训", Ongoing = true,
                Assignments =
                [
                    new() { OrganizationId = cityBureau.Id, Role = UnitRole.Lead, Primary = true, UnitName = "市教育局" },
                    new() { OrganizationId = aBureau.Id, Role = UnitRole.Lead, UnitName = "各县教育局" },
                    new() { OrganizationId = bBureau.Id, Role = UnitRole.Lead, UnitName = "各县教育局" },
                    new() { OrganizationId = aSchool.Id, Role = UnitRole.Cooperating, UnitName = "各职业院校" },
                ],
                Targets = [training, share],
            };
            plan.Versions.Add(FirstVersion(task));
            var enrolment = new TaskTarget { PlanId = plan.Id, Subject = "职业院校在校生", Comparator = Comparator.AtLeast, Value = 20000, Unit = "人", Raw = "2万人以上" };
            db.Targets.Add(enrolment);
            await db.SaveChangesAsync();
            plan.CurrentVersionId = plan.Versions[0].Id;
            await db.SaveChangesAsync();

            TrackingActor Reporter(int id, Organization o) => new(id, name + id, Role.Reporter, o.Id);
            return new(name, training.Id, share.Id, enrolment.Id,
                Reporter(2001, cityBureau), Reporter(2002, aBureau), Reporter(2003, aSchool), Reporter(2004, bBureau), Reporter(2005, aGov), Reporter(2006, bGov));
        }
    }
}
