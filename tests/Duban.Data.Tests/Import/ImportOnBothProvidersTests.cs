using Duban.Data.Import;
using Duban.Data.Tests.Import.Support;
using Duban.Data.Tests.Support;
using Duban.Parsing;
using Microsoft.EntityFrameworkCore;
using Duban.Data.Audit;

namespace Duban.Data.Tests.Import;

/// <summary>
/// The import on a migrated file or server database of each provider: PostgreSQL enforces the column lengths and
/// decimal precisions that SQLite ignores, and runs the transaction on another engine.
/// </summary>
public sealed class ImportOnBothProvidersTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Every_sample_and_seed_imports_then_again_unchanged_then_a_revision_as_a_new_version(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        await using (var db = DatabaseFixture.Context(options)) await DubanDatabase.MigrateAsync(db);
        var files = Directory.GetFiles(ImportSeedFiles.Samples, "*.txt")
            .Where(f => Path.GetFileName(f) != "no-task-list.txt")
            .Concat(ImportSeedFiles.SeedsPresent ? Directory.GetFiles(ImportSeedFiles.SeedsFolder, "*.txt") : [])
            .Order(StringComparer.Ordinal)
            .ToList();

        foreach (var file in files)
            (await ImportAsync(options, File.ReadAllBytes(file), Path.GetFileName(file))).Outcome.ShouldBe(ImportOutcome.Imported, file);
        var counts = await CountsAsync(options);
        foreach (var file in files)
            (await ImportAsync(options, File.ReadAllBytes(file), Path.GetFileName(file))).Outcome.ShouldBe(ImportOutcome.Unchanged, file);
        (await CountsAsync(options)).ShouldBe(counts);
        var revised = SamplePlan.Load().With(tasks =>
        {
            tasks[1] = tasks[1].Replace("发布专业预警名单。", "发布专业预警名单，动态调整专业结构。");
            tasks.RemoveAt(4);
            tasks.Add("建立职业教育督导评估制度。（责任单位：市政府教育督导室；完成时限：2022年底前）");
        });
        var revision = await ImportAsync(options, revised.Bytes(), "deadline-forms-v2.txt");

        var after = await CountsAsync(options);
        (after.Plans, after.Versions, after.Tasks).ShouldBe((counts.Plans, counts.Versions + 1, counts.Tasks + 1));
        revision.Outcome.ShouldBe(ImportOutcome.NewVersion);
        (revision.Diff!.Added, revision.Diff.Removed, revision.Diff.Changed).ShouldBe((1, 1, 1));
        counts.Plans.ShouldBe(files.Count);
    }

    [Theory, OnPostgres]
    public async Task Two_concurrent_imports_of_the_same_new_file_store_it_once_and_both_succeed(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        await using (var db = DatabaseFixture.Context(options)) await DubanDatabase.MigrateAsync(db);
        var bytes = SamplePlan.Original;

        // Both analyse before either stores, so both pass the "already imported" check and race to insert.
        await using var first = DatabaseFixture.Context(options);
        await using var second = DatabaseFixture.Context(options);
        var services = new[] { first, second }.Select(db =>
        {
            var clock = new FixedClock();
            return new PlanImportService(db, clock, new AuditLog(db, clock), new PlanParser());
        }).ToList();
        var analyses = new List<ImportAnalysis>();
        foreach (var service in services) analyses.Add(await service.AnalyzeAsync(new ImportFile(bytes, SamplePlan.FileName), new PlanRegion.FromDocument()));
        analyses.ShouldAllBe(a => a.Duplicate == null);

        var results = await Task.WhenAll(services.Select((service, i) =>
            Task.Run(() => service.ConfirmAsync(analyses[i], analyses[i].DefaultDecisions(createUnmatched: true), ImportHarness.Actor))));

        results.Select(r => r.Outcome).Order().ShouldBe([ImportOutcome.Imported, ImportOutcome.Unchanged]);
        results.Select(r => (r.PlanId, r.VersionId)).Distinct().ShouldHaveSingleItem();
        var counts = await CountsAsync(options);
        (counts.Plans, counts.Versions).ShouldBe((1, 1));
        await using var check = DatabaseFixture.Context(options);
        (await check.AuditEntries.CountAsync(e => e.Action == AuditActions.PlanImport)).ShouldBe(1);
    }

    private static async Task<ImportResult> ImportAsync(DatabaseOptions options, byte[] content, string fileName)
    {
        await using var db = DatabaseFixture.Context(options);
        var clock = new FixedClock();
        var service = new PlanImportService(db, clock, new AuditLog(db, clock), new PlanParser());
        var (_, result) = await service.ImportAsync(new ImportFile(content, fileName), new PlanRegion.FromDocument(),
            analysis => analysis.DefaultDecisions(createUnmatched: true), ImportHarness.Actor);
        return result;
    }

    private static async Task<(int Plans, int Versions, int Tasks, int Assignments, int Audit)> CountsAsync(DatabaseOptions options)
    {
        await using var db = DatabaseFixture.Context(options);
        return (await db.Plans.CountAsync(), await db.PlanVersions.CountAsync(), await db.Tasks.CountAsync(),
            await db.Assignments.CountAsync(), await db.AuditEntries.CountAsync());
    }
}
