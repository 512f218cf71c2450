using Duban.Core.Audit;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using PlanTask = Duban.Core.Plans.PlanTask;
using Duban.Core.Regions;
using Duban.Core.Security;
using Duban.Core.Users;
using Duban.Data.Migrations;
using Duban.Data.Tests.Support;
using Comparator = Duban.Parsing.Model.Comparator;
using GoverningBodyKind = Duban.Parsing.Model.GoverningBodyKind;
using MemberRole = Duban.Parsing.Model.MemberRole;
using Recurrence = Duban.Parsing.Model.Recurrence;
using UnitRole = Duban.Parsing.Model.UnitRole;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Tests;

/// <summary>
/// A database made by the first release (the first migration only), filled with plain SQL as that release would have
/// filled it, then upgraded the way a new release upgrades it at start-up: every row must still be there, read back
/// through today's model, and the tables added since must work.
/// </summary>
public sealed class UpgradeTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Upgrading_from_the_first_migration_keeps_every_row(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        FirstReleaseRows rows;
        await using (var old = DatabaseFixture.Context(options))
        {
            await old.GetService<IMigrator>().MigrateAsync(CreatePlanTables.Id);
            (await old.Database.GetAppliedMigrationsAsync()).ShouldBe([CreatePlanTables.Id]);
            (await Catalog.TablesAsync(old)).ShouldNotContain("users");
            rows = await FirstReleaseRows.InsertAsync(old);
        }

        await using (var upgraded = DatabaseFixture.Context(options))
        {
            await DubanDatabase.MigrateAsync(upgraded);
            (await upgraded.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        }

        await using var context = DatabaseFixture.Context(options);
        (await Ordered(context.Regions)).ShouldBeEquivalentTo(rows.Regions);
        (await Ordered(context.Organizations)).ShouldBeEquivalentTo(rows.Organizations);
        (await Ordered(context.OrganizationAliases)).ShouldBeEquivalentTo(rows.Aliases);
        (await Ordered(context.Plans)).ShouldBeEquivalentTo(rows.Plans);
        (await Ordered(context.PlanVersions)).ShouldBeEquivalentTo(rows.Versions);
        (await Ordered(context.TaskLists)).ShouldBeEquivalentTo(rows.TaskLists);
        (await Ordered(context.Tasks)).ShouldBeEquivalentTo(rows.Tasks);
        (await Ordered(context.Assignments)).ShouldBeEquivalentTo(rows.Assignments);
        (await Ordered(context.Targets)).ShouldBeEquivalentTo(rows.Targets);
        (await Ordered(context.GoverningBodies)).ShouldBeEquivalentTo(rows.Bodies);
        (await Ordered(context.BodyMembers)).ShouldBeEquivalentTo(rows.Members);

        // The navigations of today's model find the old rows' relations.
        var plan = await context.Plans.AsNoTracking()
            .Include(p => p.Region)
            .Include(p => p.Versions).ThenInclude(v => v.TaskLists).ThenInclude(l => l.Tasks).ThenInclude(t => t.Assignments).ThenInclude(a => a.Organization)
            .SingleAsync();
        plan.Region!.Name.ShouldBe("示例市");
        plan.Versions.Single().TaskLists.Single().Tasks.Single().Assignments.Single().Organization!.Name.ShouldBe("市教育局");

        await TheNewTablesWorkAsync(options, rows);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Upgrading_from_the_user_tables_keeps_users_tokens_and_tasks_and_stamps_each_user(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        FirstReleaseRows rows;
        long[] userIds;
        long secondVersionId;
        await using (var old = DatabaseFixture.Context(options))
        {
            await old.GetService<IMigrator>().MigrateAsync(CreateUserTables.Id);
            rows = await FirstReleaseRows.InsertAsync(old);
            // A second version that dropped the only task: the task stays on version 1's list, as imports did before.
            var first = rows.Versions[0];
            secondVersionId = (await old.Database.SqlQuery<long>($"""
                INSERT INTO plan_versions ("PlanId", "Number", "FileName", "Content", "Sha256", "Text", "ParsedJson", "SchemaVersion", "ImportedAt", "ImportedById")
                VALUES ({first.PlanId}, 2, '方案（修订）.docx', {first.Content}, {new string('1', 64)}, '', {"{}"}, 1, 1790000000300, {null})
                RETURNING "Id" AS "Value"
                """).ToListAsync()).Single();
            await old.Database.ExecuteSqlAsync($"""UPDATE plans SET "CurrentVersionId" = {secondVersionId} WHERE "Id" = {first.PlanId}""");
            var bureau = rows.Organizations[0].Id;
            userIds =
            [
                await InsertUserAsync(old, "admin", Role.Admin, DataScope.All, null),
                await InsertUserAsync(old, "reporter", Role.Reporter, DataScope.Own, bureau),
            ];
            await old.Database.ExecuteSqlAsync($"""
                INSERT INTO api_tokens ("UserId", "Name", "Prefix", "Hash", "CreatedAt", "LastUsedAt", "RevokedAt")
                VALUES ({userIds[1]}, '导入脚本', 'dbn_1234', {new string('b', 64)}, 1790000000123, {null}, {null})
                """);
            await old.Database.ExecuteSqlAsync($"""
                INSERT INTO audit_entries ("At", "UserId", "Actor", "RemoteAddress", "Action", "EntityType", "EntityId", "Before", "After")
                VALUES (1790000000456, {userIds[0]}, 'admin', {null}, 'user.create', 'user', {userIds[1].ToString()}, {null}, {"{}"})
                """);
        }

        await using (var upgraded = DatabaseFixture.Context(options))
        {
            await DubanDatabase.MigrateAsync(upgraded);
            (await upgraded.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        }

        await using var context = DatabaseFixture.Context(options);
        rows.Tasks[0].RemovedInVersionId = secondVersionId;
        (await Ordered(context.Tasks)).ShouldBeEquivalentTo(rows.Tasks);
        var users = await context.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync();
        users.Select(u => u.UserName).ShouldBe(["admin", "reporter"]);
        users[1].OrganizationId.ShouldBe(rows.Organizations[0].Id);
        users.ShouldAllBe(u => u.SecurityStamp != Guid.Empty);
        users[0].SecurityStamp.ShouldNotBe(users[1].SecurityStamp);
        var token = await context.ApiTokens.AsNoTracking().SingleAsync();
        token.UserId.ShouldBe(userIds[1]);
        token.ExpiresAt.ShouldBeNull();
        (await context.AuditEntries.AsNoTracking().SingleAsync()).EntityId.ShouldBe(userIds[1].ToString());

        // The new columns work on the old rows.
        var task = await context.Tasks.SingleAsync();
        task.RemovedInVersionId = null;
        var user = await context.Users.SingleAsync(u => u.UserName == "reporter");
        var stamp = user.SecurityStamp;
        user.NewSecurityStamp();
        await context.SaveChangesAsync();
        (await context.Tasks.AsNoTracking().SingleAsync()).RemovedInVersionId.ShouldBeNull();
        (await context.Users.AsNoTracking().SingleAsync(u => u.UserName == "reporter")).SecurityStamp.ShouldNotBe(stamp);

        // The same file cannot be stored twice any more.
        var copy = rows.Versions[0];
        await Should.ThrowAsync<System.Data.Common.DbException>(() => context.Database.ExecuteSqlAsync($"""
            INSERT INTO plan_versions ("PlanId", "Number", "FileName", "Content", "Sha256", "Text", "ParsedJson", "SchemaVersion", "ImportedAt", "ImportedById")
            VALUES ({copy.PlanId}, 3, {copy.FileName}, {copy.Content}, {copy.Sha256}, {copy.Text}, {copy.ParsedJson}, 1, 1790000000789, {null})
            """));
    }

    private static async Task<long> InsertUserAsync(DubanDbContext db, string userName, Role role, DataScope scope, long? organizationId) =>
        (await db.Database.SqlQuery<long>($"""
            INSERT INTO users ("UserName", "DisplayName", "PasswordHash", "Role", "Scope", "OrganizationId", "RegionId", "IsActive", "FailedSignIns", "LockedUntil", "CreatedAt", "Version")
            VALUES ({userName}, {userName}, 'pbkdf2-sha256$1$AA==$AA==', {(int)role}, {(int)scope}, {organizationId}, {null}, {true}, 0, {null}, 1790000000000, {Guid.NewGuid()})
            RETURNING "Id" AS "Value"
            """).ToListAsync()).Single();

    private static async Task TheNewTablesWorkAsync(DatabaseOptions options, FirstReleaseRows rows)
    {
        var city = rows.Regions[1];
        var bureau = rows.Organizations[0];
        var created = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);
        await using (var context = DatabaseFixture.Context(options))
        {
            var user = new User
            {
                UserName = "reporter", DisplayName = "填报员甲", PasswordHash = "pbkdf2-sha256$1$AA==$AA==", Role = Role.Reporter,
                Scope = DataScope.Own, OrganizationId = bureau.Id, RegionId = city.Id, CreatedAt = created,
            };
            context.Users.Add(user);
            await context.SaveChangesAsync();
            context.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = "导入脚本", Prefix = "dbn_1234", Hash = new string('a', 64), CreatedAt = created });
            context.AuditEntries.Add(new AuditEntry { At = created, UserId = user.Id, Actor = "reporter", Action = "user.create", EntityType = "User", EntityId = user.Id.ToString() });
            context.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-1", Xml = "<key/>" });
            await context.SaveChangesAsync();
        }

        await using var reread = DatabaseFixture.Context(options);
        var stored = await reread.Users.SingleAsync();
        stored.OrganizationId.ShouldBe(bureau.Id);
        stored.CreatedAt.ShouldBe(created);
        (await reread.ApiTokens.SingleAsync()).UserId.ShouldBe(stored.Id);
        (await reread.AuditEntries.SingleAsync()).EntityId.ShouldBe(stored.Id.ToString());
        (await reread.DataProtectionKeys.SingleAsync()).Xml.ShouldBe("<key/>");
    }

    private static Task<List<T>> Ordered<T>(DbSet<T> set) where T : class =>
        set.AsNoTracking().OrderBy(e => EF.Property<long>(e, "Id")).ToListAsync();
}

/// <summary>One row or more in every table of the first migration, written with plain SQL; the objects hold what each row must read back as.</summary>
internal sealed class FirstReleaseRows
{
    public List<Region> Regions { get; } = [];
    public List<Organization> Organizations { get; } = [];
    public List<OrganizationAlias> Aliases { get; } = [];
    public List<Plan> Plans { get; } = [];
    public List<PlanVersion> Versions { get; } = [];
    public List<PlanTaskList> TaskLists { get; } = [];
    public List<PlanTask> Tasks { get; } = [];
    public List<Assignment> Assignments { get; } = [];
    public List<TaskTarget> Targets { get; } = [];
    public List<GoverningBodyRecord> Bodies { get; } = [];
    public List<BodyMemberRecord> Members { get; } = [];

    public static async Task<FirstReleaseRows> InsertAsync(DubanDbContext db)
    {
        var rows = new FirstReleaseRows();

        var province = new Region { Name = "示例省", Level = RegionLevel.Province };
        province.Id = await InsertAsync(db, $"""INSERT INTO regions ("Name", "Level", "ParentId", "Path") VALUES ({province.Name}, {(int)province.Level}, {null}, '/') RETURNING "Id" AS "Value" """);
        province.Path = Region.PathOf(null, province.Id);
        await db.Database.ExecuteSqlAsync($"""UPDATE regions SET "Path" = {province.Path} WHERE "Id" = {province.Id}""");
        var city = new Region { Name = "示例市", Level = RegionLevel.City, ParentId = province.Id };
        city.Id = await InsertAsync(db, $"""INSERT INTO regions ("Name", "Level", "ParentId", "Path") VALUES ({city.Name}, {(int)city.Level}, {city.ParentId}, '/') RETURNING "Id" AS "Value" """);
        city.Path = Region.PathOf(province, city.Id);
        await db.Database.ExecuteSqlAsync($"""UPDATE regions SET "Path" = {city.Path} WHERE "Id" = {city.Id}""");
        rows.Regions.AddRange([province, city]);

        var bureau = new Organization { Name = "市教育局", Kind = OrganizationKind.Department, RegionId = city.Id, IsActive = true, Version = Guid.NewGuid() };
        bureau.Id = await InsertOrganizationAsync(db, bureau);
        var merged = new Organization { Name = "市教委", Kind = OrganizationKind.Department, RegionId = city.Id, MergedIntoId = bureau.Id, IsActive = false, Version = Guid.NewGuid() };
        merged.Id = await InsertOrganizationAsync(db, merged);
        rows.Organizations.AddRange([bureau, merged]);

        var alias = new OrganizationAlias { OrganizationId = bureau.Id, Name = "教育局" };
        alias.Id = await InsertAsync(db, $"""INSERT INTO organization_aliases ("OrganizationId", "Name") VALUES ({alias.OrganizationId}, {alias.Name}) RETURNING "Id" AS "Value" """);
        rows.Aliases.Add(alias);

        var plan = new Plan
        {
            Title = "示例市职业教育改革实施方案", DocNumber = "示政办发〔2025〕1号", Issuer = "示例市人民政府办公室", IssueDate = new DateOnly(2025, 3, 1),
            RegionId = city.Id, Status = PlanStatus.Published, CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_740_787_200_123), Version = Guid.NewGuid(),
        };
        plan.Id = await InsertAsync(db, $"""
            INSERT INTO plans ("Title", "DocNumber", "Issuer", "IssueDate", "RegionId", "Status", "CurrentVersionId", "CreatedAt", "Version")
            VALUES ({plan.Title}, {plan.DocNumber}, {plan.Issuer}, {plan.IssueDate}, {plan.RegionId}, {(int)plan.Status}, {null}, {plan.CreatedAt.ToUnixTimeMilliseconds()}, {plan.Version})
            RETURNING "Id" AS "Value"
            """);
        rows.Plans.Add(plan);

        var version = new PlanVersion
        {
            PlanId = plan.Id, Number = 1, FileName = "方案.docx", Content = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(),
            Sha256 = new string('0', 64), Text = "一、总体要求\n（一）工作任务", ParsedJson = """{"schemaVersion":1}""", SchemaVersion = 1,
            ImportedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_740_787_300_456),
        };
        version.Id = await InsertAsync(db, $"""
            INSERT INTO plan_versions ("PlanId", "Number", "FileName", "Content", "Sha256", "Text", "ParsedJson", "SchemaVersion", "ImportedAt", "ImportedById")
            VALUES ({version.PlanId}, {version.Number}, {version.FileName}, {version.Content}, {version.Sha256}, {version.Text}, {version.ParsedJson}, {version.SchemaVersion}, {version.ImportedAt.ToUnixTimeMilliseconds()}, {null})
            RETURNING "Id" AS "Value"
            """);
        rows.Versions.Add(version);
        plan.CurrentVersionId = version.Id;
        await db.Database.ExecuteSqlAsync($"""UPDATE plans SET "CurrentVersionId" = {version.Id} WHERE "Id" = {plan.Id}""");

        var list = new PlanTaskList { PlanVersionId = version.Id, Name = "重点任务分工", Order = 1, InAnnex = true, IsTable = true };
        list.Id = await InsertAsync(db, $"""
            INSERT INTO task_lists ("PlanVersionId", "Name", "Order", "InAnnex", "IsTable")
            VALUES ({list.PlanVersionId}, {list.Name}, {list.Order}, {list.InAnnex}, {list.IsTable}) RETURNING "Id" AS "Value"
            """);
        rows.TaskLists.Add(list);

        var task = new PlanTask
        {
            PlanId = plan.Id, TaskListId = list.Id, Key = "重点任务分工/1", No = "1", Order = 1, SectionPath = "二、重点任务 / （一）",
            Text = "建设高水平专业群", DeadlineRaw = "2025年底前", Due = new DateOnly(2025, 12, 31), Start = null, Ongoing = false,
            Recurrence = Recurrence.Yearly, SpanStart = 12, SpanEnd = 40, Version = Guid.NewGuid(),
        };
        task.Id = await InsertAsync(db, $"""
            INSERT INTO tasks ("PlanId", "TaskListId", "Key", "No", "Order", "SectionPath", "Text", "DeadlineRaw", "Due", "Start", "Ongoing", "Recurrence", "SpanStart", "SpanEnd", "Version")
            VALUES ({task.PlanId}, {task.TaskListId}, {task.Key}, {task.No}, {task.Order}, {task.SectionPath}, {task.Text}, {task.DeadlineRaw}, {task.Due}, {task.Start}, {task.Ongoing}, {(int?)task.Recurrence}, {task.SpanStart}, {task.SpanEnd}, {task.Version})
            RETURNING "Id" AS "Value"
            """);
        rows.Tasks.Add(task);

        var assignment = new Assignment { TaskId = task.Id, OrganizationId = bureau.Id, Role = UnitRole.Lead, Primary = true, UnitName = "市教育局" };
        assignment.Id = await InsertAsync(db, $"""
            INSERT INTO assignments ("TaskId", "OrganizationId", "Role", "Primary", "UnitName")
            VALUES ({assignment.TaskId}, {assignment.OrganizationId}, {(int)assignment.Role}, {assignment.Primary}, {assignment.UnitName}) RETURNING "Id" AS "Value"
            """);
        rows.Assignments.Add(assignment);

        var taskTarget = new TaskTarget
        {
            PlanId = plan.Id, TaskId = task.Id, Subject = "专业群", Comparator = Comparator.AtLeast, Value = 1234.5678m, Unit = "个", Year = 2025,
            PerYear = false, Scope = "全市", Raw = "建成1234.5678个以上", SpanStart = 12, SpanEnd = 30,
        };
        var goalTarget = new TaskTarget
        {
            PlanId = plan.Id, TaskId = null, Subject = "职业院校", Comparator = Comparator.Range, Value = 4m, ValueMax = 5.5m, Unit = "所", Year = null,
            PerYear = true, Scope = null, Raw = "4—5.5所", SpanStart = 0, SpanEnd = 6,
        };
        foreach (var target in new[] { taskTarget, goalTarget })
        {
            target.Id = await InsertAsync(db, $"""
                INSERT INTO targets ("PlanId", "TaskId", "Subject", "Comparator", "Value", "ValueMax", "Unit", "Year", "PerYear", "Scope", "Raw", "SpanStart", "SpanEnd")
                VALUES ({target.PlanId}, {target.TaskId}, {target.Subject}, {(int)target.Comparator}, {target.Value}, {target.ValueMax}, {target.Unit}, {target.Year}, {target.PerYear}, {target.Scope}, {target.Raw}, {target.SpanStart}, {target.SpanEnd})
                RETURNING "Id" AS "Value"
                """);
        }
        rows.Targets.AddRange([taskTarget, goalTarget]);

        var body = new GoverningBodyRecord { PlanId = plan.Id, Kind = GoverningBodyKind.LeadingGroup, Name = "职业教育改革领导小组", Office = "市教育局", MeetingsPerYear = 2.5m, MeetingsAtLeast = true, Version = Guid.Empty };
        body.Id = await InsertAsync(db, $"""
            INSERT INTO governing_bodies ("PlanId", "Kind", "Name", "Office", "MeetingsPerYear", "MeetingsAtLeast")
            VALUES ({body.PlanId}, {(int)body.Kind}, {body.Name}, {body.Office}, {body.MeetingsPerYear}, {body.MeetingsAtLeast}) RETURNING "Id" AS "Value"
            """);
        rows.Bodies.Add(body);

        var member = new BodyMemberRecord { BodyId = body.Id, Person = "张三", Role = MemberRole.Chair, Title = "市长", OrganizationId = bureau.Id, UnitName = "市人民政府" };
        member.Id = await InsertAsync(db, $"""
            INSERT INTO body_members ("BodyId", "Person", "Role", "Title", "OrganizationId", "UnitName")
            VALUES ({member.BodyId}, {member.Person}, {(int)member.Role}, {member.Title}, {member.OrganizationId}, {member.UnitName}) RETURNING "Id" AS "Value"
            """);
        rows.Members.Add(member);

        return rows;
    }

    private static Task<long> InsertOrganizationAsync(DubanDbContext db, Organization o) => InsertAsync(db, $"""
        INSERT INTO organizations ("Name", "Kind", "RegionId", "MergedIntoId", "IsActive", "Version")
        VALUES ({o.Name}, {(int)o.Kind}, {o.RegionId}, {o.MergedIntoId}, {o.IsActive}, {o.Version}) RETURNING "Id" AS "Value"
        """);

    /// <summary>Runs an INSERT … RETURNING "Id" (both SQLite and PostgreSQL have RETURNING) and gives the new id.</summary>
    private static async Task<long> InsertAsync(DubanDbContext db, FormattableString sql) =>
        (await db.Database.SqlQuery<long>(sql).ToListAsync()).Single();
}
