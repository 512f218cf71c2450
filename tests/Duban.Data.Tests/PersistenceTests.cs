using System.Data.Common;
using Duban.Core.Audit;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Regions;
using Duban.Core.Security;
using Duban.Core.Users;
using Duban.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Comparator = Duban.Parsing.Model.Comparator;
using GoverningBodyKind = Duban.Parsing.Model.GoverningBodyKind;
using MemberRole = Duban.Parsing.Model.MemberRole;
using PlanTask = Duban.Core.Plans.PlanTask;
using Recurrence = Duban.Parsing.Model.Recurrence;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Data.Tests;

/// <summary>Every entity and navigation through a migrated database, on both providers. The tests share one database and
/// so look only at the rows they made.</summary>
public sealed class PersistenceTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 30, 12, 0, 0, 123, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_entity_and_navigation_round_trips(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        long planId, userId;
        await using (var db = DatabaseFixture.Context(options))
        {
            var province = await TestRegions.AddAsync(db, "往返省", RegionLevel.Province);
            var city = await TestRegions.AddAsync(db, "往返市", RegionLevel.City, province);
            var bureau = new Organization { Name = "往返市教育局", Kind = OrganizationKind.Department, RegionId = city.Id, Aliases = [new() { Name = "往返教育局" }] };
            var school = new Organization { Name = "往返职业技术学院", Kind = OrganizationKind.School, RegionId = city.Id };
            var plan = new Plan { Title = "往返方案", Region = city, CreatedAt = Noon };
            db.AddRange(bureau, school, plan);
            await db.SaveChangesAsync();
            planId = plan.Id;

            // Tasks, targets and bodies point at their plan by id only, so they follow once the plan has one.
            var task = new PlanTask
            {
                PlanId = plan.Id, Key = "清单/1", No = "1", Text = "建设实训基地",
                Assignments =
                [
                    new() { Organization = bureau, Role = UnitRole.Lead, Primary = true, UnitName = "市教育局" },
                    new() { Organization = school, Role = UnitRole.Cooperating, UnitName = "各职业院校" },
                ],
                Targets = [new() { PlanId = plan.Id, Subject = "实训基地", Comparator = Comparator.AtLeast, Value = 3, Unit = "个", Raw = "3个以上" }],
            };
            plan.Versions.Add(new PlanVersion
            {
                Number = 1, FileName = "a.txt", Content = [1, 2, 3], Sha256 = new string('b', 64), Text = "正文", ParsedJson = "{}", ImportedAt = Noon,
                TaskLists = [new() { Name = "清单", Tasks = [task] }],
            });
            db.GoverningBodies.Add(new GoverningBodyRecord
            {
                PlanId = plan.Id, Kind = GoverningBodyKind.JointMeeting, Name = "联席会议",
                Members = [new() { Person = "李四", Role = MemberRole.Convener, OrganizationId = bureau.Id }],
            });
            await db.SaveChangesAsync();
            plan.CurrentVersionId = plan.Versions[0].Id;

            var user = new User { UserName = "roundtrip-admin", DisplayName = "管理员", Role = Role.Admin, Scope = DataScope.RegionAndBelow, RegionId = province.Id, CreatedAt = Noon };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            userId = user.Id;
            db.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = "往返", Prefix = "dbn_rt", Hash = new string('c', 64), CreatedAt = Noon, LastUsedAt = Noon.AddDays(1) });
            db.AuditEntries.Add(new AuditEntry { At = Noon, UserId = user.Id, Actor = user.UserName, Action = "plan.import", EntityType = "Plan", EntityId = plan.Id.ToString(), After = "{}" });
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "roundtrip", Xml = "<key id='rt'/>" });
            await db.SaveChangesAsync();
        }

        await using var read = DatabaseFixture.Context(options);
        var stored = await read.Plans
            .Include(p => p.Region).ThenInclude(r => r!.Parent)
            .Include(p => p.Versions).ThenInclude(v => v.TaskLists).ThenInclude(l => l.Tasks).ThenInclude(t => t.Assignments).ThenInclude(a => a.Organization).ThenInclude(o => o!.Aliases)
            .Include(p => p.Versions).ThenInclude(v => v.TaskLists).ThenInclude(l => l.Tasks).ThenInclude(t => t.Targets)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == planId);
        stored.Region!.Name.ShouldBe("往返市");
        stored.Region.Parent!.Name.ShouldBe("往返省");
        var version = stored.Versions.ShouldHaveSingleItem();
        stored.CurrentVersionId.ShouldBe(version.Id);
        var list = version.TaskLists.ShouldHaveSingleItem();
        var storedTask = list.Tasks.ShouldHaveSingleItem();
        storedTask.TaskList.ShouldBeSameAs(list);
        storedTask.PlanId.ShouldBe(planId);
        storedTask.Assignments.Select(a => (a.Organization!.Name, a.Role, a.Primary, a.Task == storedTask))
            .OrderBy(a => a.Role)
            .ShouldBe([("往返市教育局", UnitRole.Lead, true, true), ("往返职业技术学院", UnitRole.Cooperating, false, true)]);
        storedTask.Assignments.Single(a => a.Primary).Organization!.Aliases.ShouldHaveSingleItem().Name.ShouldBe("往返教育局");
        storedTask.Targets.ShouldHaveSingleItem().Value.ShouldBe(3m);
        (await read.Organizations.Include(o => o.Region).SingleAsync(o => o.Name == "往返职业技术学院")).Region!.Name.ShouldBe("往返市");

        var body = await read.GoverningBodies.Include(b => b.Members).SingleAsync(b => b.PlanId == planId);
        body.Kind.ShouldBe(GoverningBodyKind.JointMeeting);
        body.Members.ShouldHaveSingleItem().Role.ShouldBe(MemberRole.Convener);

        (await read.Users.SingleAsync(u => u.Id == userId)).Scope.ShouldBe(DataScope.RegionAndBelow);
        (await read.ApiTokens.SingleAsync(t => t.UserId == userId)).LastUsedAt.ShouldBe(Noon.AddDays(1));
        (await read.AuditEntries.SingleAsync(a => a.UserId == userId)).EntityId.ShouldBe(planId.ToString());
        (await read.DataProtectionKeys.SingleAsync(k => k.FriendlyName == "roundtrip")).Xml.ShouldBe("<key id='rt'/>");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Dates_instants_decimals_enums_and_bytes_keep_their_values(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var bytes = new byte[1 << 20];
        new Random(7).NextBytes(bytes);
        var comparators = Enum.GetValues<Comparator>();
        var recurrences = Enum.GetValues<Recurrence>().Cast<Recurrence?>().Append(null).ToArray();
        decimal[] values = [99_999_999_999_999.9999m, -0.0001m, 0m, 1234.5m];
        var inShanghai = new DateTimeOffset(2025, 12, 31, 23, 59, 59, 999, TimeSpan.FromHours(8));
        long planId;
        await using (var db = DatabaseFixture.Context(options))
        {
            var plan = new Plan { Title = "取值方案", IssueDate = new DateOnly(2024, 2, 29), CreatedAt = inShanghai, Status = PlanStatus.Archived };
            plan.Versions.Add(new PlanVersion { Number = 1, FileName = "big.bin", Content = bytes, Sha256 = "x", Text = "", ParsedJson = "{}", ImportedAt = DateTimeOffset.UnixEpoch });
            plan.Versions.Add(new PlanVersion { Number = 2, FileName = "empty.bin", Content = [], Sha256 = "y", Text = "", ParsedJson = "{}", ImportedAt = Noon });
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            planId = plan.Id;
            var list = new PlanTaskList { PlanVersionId = plan.Versions[0].Id, Name = "清单" };
            list.Tasks.AddRange(recurrences.Select((r, i) => new PlanTask
            {
                PlanId = planId, Key = $"k{i}", No = $"{i}", Order = i, Text = "t", Recurrence = r,
                Due = i == 0 ? DateOnly.MinValue : i == 1 ? DateOnly.MaxValue : new DateOnly(2027, 1, i),
            }));
            db.TaskLists.Add(list);
            db.Targets.AddRange(comparators.Zip(values.Concat(values)).Select(p => new TaskTarget
            {
                PlanId = planId, Subject = p.First.ToString(), Comparator = p.First, Value = p.Second, ValueMax = p.First == Comparator.Range ? p.Second - 1 : null, Unit = "%", Raw = "r",
            }));
            db.GoverningBodies.Add(new GoverningBodyRecord { PlanId = planId, Name = "领导小组", MeetingsPerYear = 0.5m });
            await db.SaveChangesAsync();
        }

        await using var read = DatabaseFixture.Context(options);
        var stored = await read.Plans.Include(p => p.Versions).SingleAsync(p => p.Id == planId);
        stored.IssueDate.ShouldBe(new DateOnly(2024, 2, 29));
        stored.Status.ShouldBe(PlanStatus.Archived);
        // Instants are kept to the millisecond as UTC: the same instant, read back with offset zero.
        stored.CreatedAt.ShouldBe(inShanghai);
        stored.CreatedAt.Offset.ShouldBe(TimeSpan.Zero);
        stored.Versions.OrderBy(v => v.Number).Select(v => v.Content).ShouldBe([bytes, []]);
        stored.Versions.Single(v => v.Number == 1).ImportedAt.ShouldBe(DateTimeOffset.UnixEpoch);

        var tasks = await read.Tasks.Where(t => t.PlanId == planId).OrderBy(t => t.Order).ToListAsync();
        tasks.Select(t => t.Recurrence).ShouldBe(recurrences);
        tasks[0].Due.ShouldBe(DateOnly.MinValue);
        tasks[1].Due.ShouldBe(DateOnly.MaxValue);

        var targets = await read.Targets.Where(t => t.PlanId == planId).ToListAsync();
        targets.OrderBy(t => t.Comparator).Select(t => (t.Comparator, t.Value, t.ValueMax))
            .ShouldBe(comparators.Zip(values.Concat(values)).Select(p => (p.First, p.Second, p.First == Comparator.Range ? p.Second - 1 : (decimal?)null)));
        (await read.GoverningBodies.SingleAsync(b => b.PlanId == planId)).MeetingsPerYear.ShouldBe(0.5m);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Instants_dates_and_decimals_compare_and_sort_in_the_database(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var plan = new Plan { Title = "比较方案", CreatedAt = Noon };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        db.Targets.AddRange(new[] { -5m, 10m, 9.5m, 100m }.Select(v => new TaskTarget { PlanId = plan.Id, Subject = "s", Value = v, Unit = "%", Raw = "r" }));
        db.AuditEntries.AddRange(Enumerable.Range(0, 3).Select(i => new AuditEntry { At = Noon.AddMilliseconds(i), Actor = "cmp", Action = "a", EntityType = "CompareTest" }));
        await db.SaveChangesAsync();

        (await db.Targets.Where(t => t.PlanId == plan.Id && t.Value > 9.75m).OrderBy(t => t.Value).Select(t => t.Value).ToListAsync())
            .ShouldBe([10m, 100m]);
        (await db.AuditEntries.Where(a => a.EntityType == "CompareTest" && a.At > Noon).OrderByDescending(a => a.At).Select(a => a.At).ToListAsync())
            .ShouldBe([Noon.AddMilliseconds(2), Noon.AddMilliseconds(1)]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_writers_of_one_organization_conflict(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        long id;
        await using (var db = DatabaseFixture.Context(options))
        {
            var region = await TestRegions.AddAsync(db, "并发市", RegionLevel.City);
            var organization = new Organization { Name = "并发局", RegionId = region.Id };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            id = organization.Id;
        }

        await using var first = DatabaseFixture.Context(options);
        await using var second = DatabaseFixture.Context(options);
        var seenByFirst = await first.Organizations.SingleAsync(o => o.Id == id);
        var seenBySecond = await second.Organizations.SingleAsync(o => o.Id == id);
        var versionBefore = seenByFirst.Version;

        seenByFirst.Name = "并发局（第一次）";
        await first.SaveChangesAsync();
        seenBySecond.Name = "并发局（第二次）";

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        seenByFirst.Version.ShouldNotBe(versionBefore);
        await using var read = DatabaseFixture.Context(options);
        var stored = await read.Organizations.SingleAsync(o => o.Id == id);
        stored.Name.ShouldBe("并发局（第一次）");
        stored.Version.ShouldBe(seenByFirst.Version);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_version_the_caller_sets_is_kept(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var user = new User { UserName = "version-" + provider, DisplayName = "甲", CreatedAt = Noon };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var chosen = Guid.NewGuid();

        user.DisplayName = "乙";
        user.Version = chosen;
        await db.SaveChangesAsync();

        await using var read = DatabaseFixture.Context(options);
        (await read.Users.SingleAsync(u => u.Id == user.Id)).Version.ShouldBe(chosen);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_subtree_of_regions_is_one_prefix_query_on_the_path(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var province = await TestRegions.AddAsync(db, "树省", RegionLevel.Province);
        var city = await TestRegions.AddAsync(db, "树市", RegionLevel.City, province);
        await TestRegions.AddAsync(db, "树一县", RegionLevel.County, city);
        await TestRegions.AddAsync(db, "树二县", RegionLevel.County, city);
        var otherCity = await TestRegions.AddAsync(db, "邻市", RegionLevel.City, province);
        await TestRegions.AddAsync(db, "邻县", RegionLevel.County, otherCity);
        // A region whose id merely starts with the city's digits must stay out: the trailing slash of the path sees to it.
        var lookalike = await TestRegions.AddAsync(db, "形似市", RegionLevel.City, province);
        lookalike.Path = city.Path.TrimEnd('/') + "9/";
        await db.SaveChangesAsync();

        var subtree = await db.Regions.Where(r => r.Path.StartsWith(city.Path)).OrderBy(r => r.Id).Select(r => r.Name).ToListAsync();

        subtree.ShouldBe(["树市", "树一县", "树二县"]);
        (await db.Regions.CountAsync(r => r.Path.StartsWith(province.Path))).ShouldBe(7);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Foreign_keys_are_enforced_by_the_database(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        db.OrganizationAliases.Add(new OrganizationAlias { OrganizationId = long.MaxValue, Name = "无主别名" });

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Deleting_a_plan_in_the_database_cascades_and_a_used_organization_cannot_be_deleted(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var region = await TestRegions.AddAsync(db, "删除市", RegionLevel.City);
        var organization = new Organization { Name = "删除局", RegionId = region.Id };
        var plan = new Plan { Title = "删除方案", CreatedAt = Noon };
        db.AddRange(organization, plan);
        await db.SaveChangesAsync();
        var task = new PlanTask { PlanId = plan.Id, Key = "k", No = "1", Text = "t", Assignments = [new() { Organization = organization, UnitName = "删除局" }] };
        plan.Versions.Add(new PlanVersion { Number = 1, FileName = "f", Content = [], Sha256 = "s", Text = "", ParsedJson = "{}", TaskLists = [new() { Name = "l", Tasks = [task] }] });
        db.Targets.Add(new TaskTarget { PlanId = plan.Id, Subject = "s", Unit = "%", Raw = "r" });
        db.GoverningBodies.Add(new GoverningBodyRecord { PlanId = plan.Id, Name = "b", Members = [new() { Person = "p" }] });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // Deleted by SQL, not by EF Core's tracked cascade: the database's own constraints must do the work.
        await Should.ThrowAsync<DbException>(() => db.Organizations.Where(o => o.Id == organization.Id).ExecuteDeleteAsync());
        (await db.Plans.Where(p => p.Id == plan.Id).ExecuteDeleteAsync()).ShouldBe(1);

        (await db.PlanVersions.CountAsync(v => v.PlanId == plan.Id)).ShouldBe(0);
        (await db.Tasks.CountAsync(t => t.PlanId == plan.Id)).ShouldBe(0);
        (await db.Assignments.CountAsync(a => a.OrganizationId == organization.Id)).ShouldBe(0);
        (await db.Targets.CountAsync(t => t.PlanId == plan.Id)).ShouldBe(0);
        (await db.GoverningBodies.CountAsync(b => b.PlanId == plan.Id)).ShouldBe(0);
        (await db.Organizations.Where(o => o.Id == organization.Id).ExecuteDeleteAsync()).ShouldBe(1);
    }
}
