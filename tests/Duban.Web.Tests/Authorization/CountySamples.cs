using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Data;
using Duban.Data.Import;
using Duban.Data.Tracking;
using Duban.Parsing.Model;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Duban.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Authorization;

/// <summary>
/// The matrix's records in the demo county 东湖县 (a child of 清河市), the county administrator's scope: the county, its
/// government 东湖县人民政府, a user and an alias of that government, a draft plan filed in the county, and on one of
/// its tasks an assignment of the government with a report, an evidence file, a target, its value and a 督办单.
/// </summary>
public sealed record CountySamples(long Region, long Government, long User, long Alias, long PlanId, long Task, long Order,
    long Report, long Evidence, long Observation, long Target)
{
    public static string County => DemoSeeder.Counties[0];

    public static string GovernmentName => County + "人民政府";

    public static async Task<CountySamples> AddAsync(DubanWebFactory factory, string tag)
    {
        var region = await factory.RegionIdAsync(County);
        var government = await factory.OrganizationIdAsync(GovernmentName);
        var user = await factory.CreateUserAsync("matrix-county-user", "matrix-county-user-password", Role.Reporter, DataScope.Own, government);
        // A draft: only the scope makes it readable, not publication.
        var planId = await PlansFixture.ImportAsync(factory, "tab-table.txt", new PlanRegion.Existing(region));
        var (alias, assignment) = await factory.WithDbAsync(async db =>
        {
            var added = new OrganizationAlias { OrganizationId = government, Name = "矩阵测试别名（县管理员）" };
            db.OrganizationAliases.Add(added);
            var task = await db.Tasks.AsNoTracking()
                .Where(t => t.PlanId == planId && db.Plans.Any(p => p.Id == planId && p.CurrentVersionId == t.TaskList!.PlanVersionId))
                .OrderBy(t => t.Id).FirstAsync();
            var assigned = new Assignment { TaskId = task.Id, OrganizationId = government, Role = UnitRole.Cooperating, UnitName = GovernmentName };
            db.Assignments.Add(assigned);
            await db.SaveChangesAsync();
            return (added.Id, assigned);
        });
        var store = EvidenceStore.Under(new DatabaseOptions { DataDirectory = factory.DataDirectory });
        var records = await factory.WithDbAsync(db => TrackingRecords.RecordsAsync(db, store, planId, assignment, tag));
        var order = await factory.WithDbAsync(db => SupervisionSamples.OrderAsync(db, planId, GovernmentName, tag));
        return new(region, government, user.Id, alias, planId, assignment.TaskId, order.Id, records.Report, records.Evidence, records.Observation, records.Target);
    }
}
