using Duban.Core.Plans;
using Duban.Data.Import;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Tracking;

/// <summary>The demo with a small evidence limit (64 KB) and one plan in 清河市 imported from samples/unit-clauses.txt.</summary>
public sealed class TrackingFixture : WebAppFixture, IAsyncLifetime
{
    public const long EvidenceLimit = 64 * 1024;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:SamplePlans"] = "false",
        ["Tracking:Evidence:MaxBytes"] = EvidenceLimit.ToString(),
    };

    public long PlanId { get; private set; }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        PlanId = await PlansFixture.ImportAsync(Factory, "unit-clauses.txt", new PlanRegion.Existing(await Factory.RegionIdAsync(DemoSeeder.City)));
    }

    /// <summary>An assignment of the organisation on a current task of the plan.</summary>
    public Task<Assignment> AssignmentOfAsync(string organization, int skip = 0) => Factory.WithDbAsync(db => db.Assignments.AsNoTracking()
        .Where(a => a.Task!.PlanId == PlanId && a.Organization!.Name == organization)
        .OrderBy(a => a.Id).Skip(skip).FirstAsync());
}
