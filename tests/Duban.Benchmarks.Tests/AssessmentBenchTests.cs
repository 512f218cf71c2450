using Duban.Benchmarks.Assessment;
using Duban.Benchmarks.Tracking;
using Duban.Core.Assessments;
using Duban.Core.Tracking.Periods;
using Duban.Data;
using Duban.Data.Assessments;
using Microsoft.EntityFrameworkCore;

namespace Duban.Benchmarks.Tests;

/// <summary>The assessment benchmark's setup on a small SQLite tracking dataset: what it times is a real assessment with real facts.</summary>
public sealed class AssessmentBenchTests
{
    private static readonly DateOnly Today = ChinaCalendar.Today(DateTimeOffset.UtcNow);

    [Fact]
    public async Task The_benchmark_assesses_every_city_and_county_government_and_province_department_from_their_facts()
    {
        var directory = Path.Combine(Path.GetTempPath(), "duban-bench-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var database = new DatabaseOptions { DataDirectory = directory };
            var bench = new TrackingBench(database);
            await TrackingCommand.BuildAsync(database, new TrackingShape(Cities: 2, CountiesPerCity: 1, Years: 2, Seed: 7, Today), bench, _ => { }, CancellationToken.None);
            var province = (await bench.ReadersAsync(CancellationToken.None)).Province;

            var setup = new AssessmentBench(database);
            var assessed = await setup.PrepareAsync(_ => { }, CancellationToken.None);
            var scheme = await setup.SchemeAsync(province, assessed, CancellationToken.None);
            var assessment = await setup.AssessAsync(province, scheme, Today.Year - 1, CancellationToken.None);

            await using var db = DubanDatabase.CreateContext(database);
            var kinds = await db.Organizations.Where(o => assessed.Contains(o.Id)).Select(o => new { o.Kind, o.Region!.Level }).Distinct().CountAsync();
            kinds.ShouldBe(3);
            var run = await db.Set<Duban.Core.Assessments.Assessment>().Where(a => a.Id == assessment).Select(a => a.CurrentRunId).SingleAsync();
            var sheet = (await new AssessmentResults(db).SheetAsync(run, CancellationToken.None))!;
            sheet.Organizations.Select(o => o.OrganizationId).Order().ShouldBe(assessed.Order());
            // Facts were read: some organisation's tasks and reports are counted, not all "无可考核事项".
            sheet.Organizations.SelectMany(o => o.Indicators).SelectMany(i => i.Items).Count(i => i.Fact == FactKind.Task).ShouldBeGreaterThan(0);
            sheet.Organizations.Select(o => o.Total).Distinct().Count().ShouldBeGreaterThan(1);

            var busiest = sheet.Organizations.MaxBy(o => o.Indicators.Sum(i => i.Items.Count))!;
            var card = await setup.CardAsync(province, assessment, busiest.OrganizationId, CancellationToken.None);
            card.Total.ShouldBe(busiest.Total);
            card.Indicators.Sum(i => i.Score.Items.Count).ShouldBe(busiest.Indicators.Sum(i => i.Items.Count));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
