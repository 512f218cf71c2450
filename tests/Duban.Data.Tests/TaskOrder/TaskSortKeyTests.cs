using Duban.Core.Plans;
using Duban.Data.Audit;
using Duban.Data.Import;
using Duban.Data.Migrations;
using Duban.Data.TaskOrder;
using Duban.Data.Tests.Import.Support;
using Duban.Data.Tests.Support;
using Duban.Parsing;
using UnitRole = Duban.Parsing.Model.UnitRole;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Tests.TaskOrder;

/// <summary>
/// The task list's stored sort keys (<see cref="TaskSortKeys"/>): filled by the migration for existing tasks, kept by
/// every save (import, revision, editing a task, moving it, reordering a list), and the keyset paging over them
/// (<see cref="TaskKeyset"/>) giving exactly the order the list had when it was sorted through the task lists.
/// </summary>
public sealed class TaskSortKeyTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_migration_gives_existing_tasks_their_keys(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        long dated, undated;
        await using (var old = DatabaseFixture.Context(options))
        {
            await old.GetService<IMigrator>().MigrateAsync(AddCalendarFeeds.Id);
            var rows = await FirstReleaseRows.InsertAsync(old);
            dated = rows.Tasks[0].Id;
            var list = rows.TaskLists[0];
            undated = (await old.Database.SqlQuery<long>($"""
                INSERT INTO tasks ("PlanId", "TaskListId", "Key", "No", "Order", "SectionPath", "Text", "DeadlineRaw", "Due", "Start", "Ongoing", "Recurrence", "SpanStart", "SpanEnd", "Version")
                VALUES ({rows.Plans[0].Id}, {list.Id}, '重点任务分工/2', '2', 2, '', '长期坚持的任务', '长期坚持', {null}, {null}, {true}, {null}, 0, 0, {Guid.NewGuid()})
                RETURNING "Id" AS "Value"
                """).ToListAsync()).Single();
        }

        await using var upgraded = DatabaseFixture.Context(options);
        await DubanDatabase.MigrateAsync(upgraded);

        var keys = await upgraded.Tasks.Select(TaskPosition.Of).ToDictionaryAsync(k => k.Id);
        (keys[dated].DueKey, keys[dated].ListOrder).ShouldBe((new DateOnly(2025, 12, 31).DayNumber, 1));
        (keys[undated].DueKey, keys[undated].ListOrder).ShouldBe((TaskSortKeys.Undated, 1));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_migration_copies_the_keys_onto_existing_assignments(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        await using (var old = DatabaseFixture.Context(options))
        {
            await old.GetService<IMigrator>().MigrateAsync(AddListPagingIndexes.Id);
            (await FirstReleaseRows.InsertAsync(old)).Assignments.ShouldNotBeEmpty();
        }

        await using (var upgraded = DatabaseFixture.Context(options)) await DubanDatabase.MigrateAsync(upgraded);

        await CopiesMatchAsync(options);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_save_keeps_the_keys_of_the_tasks_it_touches(DatabaseProvider provider)
    {
        var options = await ImportedAsync(provider);
        await KeysMatchAsync(options);

        await using (var db = DatabaseFixture.Context(options))
        {
            // A due date set and one cleared; a task moved to another list by its id alone (the list not loaded).
            var tasks = await db.Tasks.OrderBy(t => t.Id).ToListAsync();
            var undated = tasks.First(t => t.Due is null);
            undated.Due = new DateOnly(2030, 1, 2);
            tasks.First(t => t.Due is not null && t.Id != undated.Id).Due = null;
            var moved = tasks.First(t => t.Id != undated.Id);
            moved.TaskListId = await db.TaskLists.Where(l => l.Id != moved.TaskListId).OrderByDescending(l => l.Order).Select(l => l.Id).FirstAsync();
            await db.SaveChangesAsync();
        }
        await KeysMatchAsync(options);

        await using (var db = DatabaseFixture.Context(options))
        {
            // A list reordered while none of its tasks is loaded; a task added by the list's id.
            var list = await db.TaskLists.OrderBy(l => l.Id).FirstAsync();
            list.Order += 7;
            var plan = await db.PlanVersions.Where(v => v.Id == list.PlanVersionId).Select(v => v.PlanId).SingleAsync();
            db.Tasks.Add(new PlanTask { PlanId = plan, TaskListId = list.Id, Key = "人工/1", No = "99", Text = "人工添加", Order = 99 });
            await db.SaveChangesAsync();
        }
        await KeysMatchAsync(options);

        await using (var db = DatabaseFixture.Context(options))
        {
            // An assignment added to a task by its id alone (the task not loaded), and a task renumbered and removed.
            var task = await db.Tasks.Where(t => t.RemovedInVersionId == null).OrderBy(t => t.Id).Select(t => new { t.Id, t.Assignments.Count }).FirstAsync();
            var organization = await db.Organizations.Where(o => !o.Name.Contains("教育")).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            db.Assignments.Add(new Assignment { TaskId = task.Id, OrganizationId = organization, Role = UnitRole.Cooperating, UnitName = "人工" });
            var removed = await db.Tasks.Where(t => t.RemovedInVersionId == null && t.Id != task.Id && t.Assignments.Any()).OrderByDescending(t => t.Id).FirstAsync();
            removed.Order += 10;
            removed.RemovedInVersionId = await db.PlanVersions.Where(v => v.PlanId == removed.PlanId).OrderByDescending(v => v.Id).Select(v => v.Id).FirstAsync();
            await db.SaveChangesAsync();
        }
        await KeysMatchAsync(options);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Walking_every_page_by_cursor_gives_the_list_sorted_as_before_both_ways(DatabaseProvider provider)
    {
        var options = await ImportedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var current = db.Tasks.AsNoTracking().Where(t => t.RemovedInVersionId == null);
        // The order the list had before the keys were stored, read through the task lists.
        var byDue = await current.OrderBy(t => t.Due == null).ThenBy(t => t.Due).ThenBy(t => t.PlanId).ThenBy(t => t.TaskList!.Order).ThenBy(t => t.Order)
            .ThenBy(t => t.Id).Select(t => t.Id).ToListAsync();
        var byNumber = await current.OrderBy(t => t.PlanId).ThenBy(t => t.TaskList!.Order).ThenBy(t => t.Order).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync();
        // Ties the cursor has to get past: a due date shared by tasks of several plans, and undated tasks.
        var dues = await current.Select(t => new { t.Due, t.PlanId }).ToListAsync();
        dues.GroupBy(t => t.Due).ShouldContain(g => g.Key != null && g.Select(t => t.PlanId).Distinct().Count() > 1);
        dues.ShouldContain(t => t.Due == null);

        foreach (var (sortByDue, expected) in new[] { (true, byDue), (false, byNumber) })
        {
            foreach (var size in new[] { 1, 3, 7 })
            {
                (await WalkAsync(current, sortByDue, size, forward: true)).ShouldBe(expected, $"forward, by due {sortByDue}, {size} a page");
                var backward = await WalkAsync(current, sortByDue, size, forward: false);
                backward.AsEnumerable().Reverse().ShouldBe(expected, $"backward, by due {sortByDue}, {size} a page");
            }
            (await TaskKeyset.Ordered(current, sortByDue).Select(t => t.Id).ToListAsync()).ShouldBe(expected);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_bounded_count_of_the_list_reads_its_first_rows_in_the_list_order(DatabaseProvider provider)
    {
        var options = await ImportedAsync(provider);
        // As in the web tests' hosts: a row limit without an order fails rather than logging EF Core's warning.
        await using var db = new DubanDbContext(new DbContextOptionsBuilder<DubanDbContext>(DubanDatabase.CreateOptions(options))
            .ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning)).Options);
        var current = db.Tasks.AsNoTracking().Where(t => t.RemovedInVersionId == null);
        var total = await current.CountAsync();
        total.ShouldBeGreaterThan(3);

        foreach (var (byDue, narrow) in new[] { (true, false), (false, false), (true, true), (false, true) })
        {
            // What the task list's count (ListCounts) runs: the list's keys in its order, the first ExactUpTo + 1 counted.
            var keys = TaskKeyset.Ordered(current, byDue, narrow: narrow).Select(t => t.Id);
            (await keys.Take(3).CountAsync()).ShouldBe(3, $"by due {byDue}, narrow {narrow}");
            (await keys.Take(total + 1).CountAsync()).ShouldBe(total, $"by due {byDue}, narrow {narrow}");
            (await keys.Take(3).ToListAsync()).ShouldBe((await keys.ToListAsync()).Take(3));
        }
        await Should.ThrowAsync<InvalidOperationException>(() => current.Select(t => t.Id).Take(3).CountAsync());
    }

    /// <summary>Every page from one end, each read after (or before) the last task of the page before.</summary>
    private static async Task<List<long>> WalkAsync(IQueryable<PlanTask> tasks, bool byDue, int size, bool forward)
    {
        var walked = new List<long>();
        TaskPosition? last = null;
        while (true)
        {
            var page = last is null ? tasks : forward ? TaskKeyset.After(tasks, last, byDue) : TaskKeyset.Before(tasks, last, byDue);
            var keys = await TaskKeyset.Ordered(page, byDue, descending: !forward).Take(size).Select(TaskPosition.Of).ToListAsync();
            if (keys.Count == 0) return walked;
            walked.AddRange(keys.Select(k => k.Id));
            last = keys[^1];
        }
    }

    /// <summary>Every sample imported, and one revised: a new version whose tasks move to new lists, one removed.</summary>
    private async Task<DatabaseOptions> ImportedAsync(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        await using (var db = DatabaseFixture.Context(options)) await DubanDatabase.MigrateAsync(db);
        var files = Directory.GetFiles(ImportSeedFiles.Samples, "*.txt").Where(f => Path.GetFileName(f) != "no-task-list.txt").Order(StringComparer.Ordinal);
        foreach (var file in files) await ImportAsync(options, File.ReadAllBytes(file), Path.GetFileName(file));
        var revised = SamplePlan.Load().With(tasks =>
        {
            tasks[1] = tasks[1].Replace("发布专业预警名单。", "发布专业预警名单，动态调整专业结构。");
            tasks.RemoveAt(4);
        });
        (await ImportAsync(options, revised.Bytes(), "deadline-forms-v2.txt")).Outcome.ShouldBe(ImportOutcome.NewVersion);
        return options;
    }

    private static async Task<ImportResult> ImportAsync(DatabaseOptions options, byte[] content, string fileName)
    {
        await using var db = DatabaseFixture.Context(options);
        var clock = new FixedClock();
        var service = new PlanImportService(db, clock, new AuditLog(db, clock), new PlanParser());
        return (await service.ImportAsync(new ImportFile(content, fileName), new PlanRegion.FromDocument(), a => a.DefaultDecisions(createUnmatched: true), ImportHarness.Actor)).Result;
    }

    /// <summary>Every task's stored keys are its due date's and its list's order now.</summary>
    private static async Task KeysMatchAsync(DatabaseOptions options)
    {
        await using var db = DatabaseFixture.Context(options);
        var rows = await db.Tasks.AsNoTracking().Select(t => new
        {
            t.Id, t.Due, t.TaskList!.Order, DueKey = EF.Property<int>(t, TaskSortKeys.DueKey), ListOrder = EF.Property<int>(t, TaskSortKeys.ListOrder),
        }).ToListAsync();
        rows.ShouldNotBeEmpty();
        foreach (var row in rows)
            (row.DueKey, row.ListOrder).ShouldBe((TaskSortKeys.DueKeyOf(row.Due), row.Order), $"task {row.Id}");
        await CopiesMatchAsync(options);
    }

    /// <summary>Each assignment's copies (AssignmentSortKeys) are its task's keys and removal.</summary>
    private static async Task CopiesMatchAsync(DatabaseOptions options)
    {
        await using var db = DatabaseFixture.Context(options);
        // Each assignment's copies (AssignmentSortKeys) are its task's keys and removal.
        var copies = await db.Assignments.AsNoTracking().Select(a => new
        {
            a.Id,
            Copy = new TaskCopy(EF.Property<int>(a, AssignmentSortKeys.DueKey), EF.Property<long>(a, AssignmentSortKeys.PlanId),
                EF.Property<int>(a, AssignmentSortKeys.ListOrder), EF.Property<int>(a, AssignmentSortKeys.Order), EF.Property<long?>(a, AssignmentSortKeys.RemovedInVersionId)),
            Task = new TaskCopy(EF.Property<int>(a.Task!, TaskSortKeys.DueKey), a.Task!.PlanId, EF.Property<int>(a.Task!, TaskSortKeys.ListOrder), a.Task!.Order,
                a.Task!.RemovedInVersionId),
        }).ToListAsync();
        copies.ShouldNotBeEmpty();
        foreach (var copy in copies) copy.Copy.ShouldBe(copy.Task, $"assignment {copy.Id}");
    }

    private sealed record TaskCopy(int DueKey, long PlanId, int ListOrder, int Order, long? RemovedInVersionId);

    [Theory, OnSqlite, OnPostgres]
    public async Task Walking_an_organisations_assignments_gives_its_list_sorted_as_before_both_ways(DatabaseProvider provider)
    {
        var options = await ImportedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var current = db.Tasks.AsNoTracking().Where(t => t.RemovedInVersionId == null);
        var organizations = await db.Assignments.Where(a => a.Task!.RemovedInVersionId == null).GroupBy(a => a.OrganizationId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).Take(3).ToListAsync();
        // A task an organisation holds twice, as after two organisations assigned to it were merged: listed once.
        var busiest = organizations[0];
        var twice = await current.Where(t => t.Assignments.Any(a => a.OrganizationId == busiest)).OrderBy(t => t.Id).Skip(1).Select(t => t.Id).FirstAsync();
        db.Assignments.Add(new Assignment { TaskId = twice, OrganizationId = busiest, Role = UnitRole.Cooperating, UnitName = "并入单位" });
        await db.SaveChangesAsync();

        foreach (var organization in organizations)
        {
            var mine = current.Where(t => t.Assignments.Any(a => a.OrganizationId == organization));
            var expected = await mine.OrderBy(t => t.Due == null).ThenBy(t => t.Due).ThenBy(t => t.PlanId).ThenBy(t => t.TaskList!.Order).ThenBy(t => t.Order)
                .ThenBy(t => t.Id).Select(t => t.Id).ToListAsync();
            var rows = OrganizationTaskWalk.Rows(db.Assignments.AsNoTracking(), organization);
            (await rows.Select(a => a.TaskId).Distinct().CountAsync()).ShouldBe(expected.Count);
            if (organization == busiest)
            {
                // Ties the cursor has to get past: tasks of the organisation sharing a due date, and undated ones.
                var dues = await mine.Select(t => t.Due).ToListAsync();
                dues.GroupBy(d => d).ShouldContain(g => g.Key != null && g.Count() > 1);
                dues.ShouldContain(d => d == null);
                (await rows.CountAsync()).ShouldBe(expected.Count + 1);
            }
            foreach (var size in new[] { 1, 3, 7 })
            {
                (await WalkAsync(rows, size, forward: true)).ShouldBe(expected, $"organisation {organization}, forward, {size} a page");
                (await WalkAsync(rows, size, forward: false)).AsEnumerable().Reverse().ShouldBe(expected, $"organisation {organization}, backward, {size} a page");
            }
        }
    }

    /// <summary>Every page of an organisation's walk from one end, each read after (or before) the last task of the page before.</summary>
    private static async Task<List<long>> WalkAsync(IQueryable<Assignment> rows, int size, bool forward)
    {
        var walked = new List<long>();
        TaskPosition? last = null;
        while (true)
        {
            var keys = await OrganizationTaskWalk.ReadAsync(rows, last, backwards: !forward, size, CancellationToken.None);
            if (keys.Count == 0) return walked;
            keys.Count.ShouldBeLessThanOrEqualTo(size);
            walked.AddRange(keys.Select(k => k.Id));
            last = keys[^1];
        }
    }
}
