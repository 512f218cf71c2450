using Duban.Data.Tracking.Status;
using Duban.Web.Dashboard;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Dashboard;

/// <summary>The demo with the kept statuses computed in the background at start, as a deployment runs.</summary>
public sealed class WarmedStatusesFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["KeptStatuses:WarmUp"] = "true" };
}

/// <summary>At start (and each Beijing morning) every plan's statuses are computed before anyone asks for them.</summary>
public sealed class KeptStatusWarmupTests(WarmedStatusesFixture app) : IClassFixture<WarmedStatusesFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [Fact]
    public async Task Every_plan_with_tasks_is_kept_after_start_without_a_reader()
    {
        var plans = await Factory.WithDbAsync(db => db.Tasks.Where(t => t.RemovedInVersionId == null).Select(t => t.PlanId).Distinct().OrderBy(p => p).ToListAsync());
        plans.Count.ShouldBeGreaterThan(0);
        var kept = Factory.Services.GetRequiredService<PlanStatusCache>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!plans.All(kept.KeptTaskPlans().Contains) && DateTime.UtcNow < deadline) await Task.Delay(100);
        kept.KeptTaskPlans().ShouldBeSubsetOf(await Factory.WithDbAsync(db => db.Plans.Select(p => p.Id).ToListAsync()));
        plans.ShouldBeSubsetOf(kept.KeptTaskPlans());
    }
}
