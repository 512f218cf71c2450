using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Duban.Core.Plans;
using Duban.Parsing.Model;
using Duban.Data;
using Duban.Web.Comparison;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Comparison;

/// <summary>
/// <see cref="ComparisonFixture"/>'s plan with many more plan-level targets than the grid holds, none of them with values
/// (as a province's hundreds of thousands of targets are): the grid keeps <see cref="ComparisonQueries.MaxTargets"/>, the
/// two targets with values first, and says that some were left out.
/// </summary>
public sealed class CrowdedComparisonFixture : IAsyncLifetime
{
    public const int AddedTargets = ComparisonQueries.MaxTargets + 20;

    public ComparisonFixture Inner { get; } = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Inner).InitializeAsync();
        using var scope = Inner.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDbContext>();
        // Plan-level targets come before the task targets in the natural order, so the training target (a task's) would
        // fall past the cap if the targets with values were not taken first.
        for (var i = 0; i < AddedTargets; i++)
            db.Targets.Add(new TaskTarget
            {
                PlanId = Inner.PlanId, Subject = $"附加指标{i + 1}", Comparator = Comparator.AtLeast, Value = 10 + i, Unit = "个", Raw = $"附加指标{i + 1}达到{10 + i}个以上",
            });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Inner).DisposeAsync();
}

public sealed class CrowdedComparisonTests(CrowdedComparisonFixture crowded) : IClassFixture<CrowdedComparisonFixture>
{
    private ComparisonFixture App => crowded.Inner;

    [Fact]
    public async Task The_grid_keeps_the_cap_with_the_targets_that_have_values_first_and_says_so()
    {
        var client = await App.Factory.SignedInAsync(DemoAccounts.Admin);
        var response = await client.GetAsync($"/api/v1/regions/{App.CityId}/comparison");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await response.JsonAsync();
        var keys = view.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("axis").GetProperty("key").GetString()).ToList();
        keys.Count.ShouldBe(ComparisonQueries.MaxTargets);
        keys.ShouldContain($"t{App.TrainingTarget}");
        keys.ShouldContain($"t{App.EmploymentTarget}");
        view.GetProperty("moreTargets").GetBoolean().ShouldBeTrue();
        // The rows keep the natural order (the plan-level employment target before the task's training target).
        keys.IndexOf($"t{App.EmploymentTarget}").ShouldBeLessThan(keys.IndexOf($"t{App.TrainingTarget}"));

        var page = await client.GetStringAsync($"/comparison?regionId={App.CityId}");
        page.ShouldContain("id=\"comparison-more-targets\"");

        // The workbook says it too (its legend sheet), and its grid holds the same rows.
        var file = await client.GetByteArrayAsync($"/api/v1/regions/{App.CityId}/comparison.xlsx");
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var strings = workbook.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList()
            ?? workbook.WorkbookPart.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<InlineString>()).Select(i => i.InnerText).ToList();
        strings.ShouldContain(t => t.Contains($"超过 {ComparisonQueries.MaxTargets} 个"));
    }
}
