using Duban.Core.Plans;
using Duban.Core.Tracking.Supervision;
using Duban.Data;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Authorization;

/// <summary>
/// A task and a 督办单 on either side of the demo users' scope: inside, on 清河市教育局's part of a task of the 清河市
/// plan (the demo reporter's own organisation, so its reply is allowed); outside, on a task of the plan outside 清河市.
/// </summary>
public sealed record SupervisionSamples(long TaskInside, long TaskOutside, long OrderInside, long OrderOutside)
{
    public static async Task<SupervisionSamples> AddAsync(DubanWebFactory factory, long cityPlanId, long otherPlanId, string tag)
    {
        var inside = await factory.WithDbAsync(db => OrderAsync(db, cityPlanId, DemoSeeder.CityEducation, tag));
        var outside = await factory.WithDbAsync(db => OrderAsync(db, otherPlanId, null, tag));
        return new(inside.TaskId!.Value, outside.TaskId!.Value, inside.Id, outside.Id);
    }

    public static async Task<SupervisionOrder> OrderAsync(DubanDbContext db, long planId, string? organization, string tag)
    {
        var assignment = await db.Assignments.AsNoTracking()
            .Where(x => x.Task!.PlanId == planId && db.Plans.Any(p => p.Id == planId && p.CurrentVersionId == x.Task.TaskList!.PlanVersionId))
            .Where(x => organization == null || x.Organization!.Name == organization)
            .OrderBy(x => x.Id).FirstAsync();
        var order = new SupervisionOrder
        {
            Number = $"{tag}-{Guid.NewGuid():N}", TaskId = assignment.TaskId, AssignmentId = assignment.Id, OrganizationId = assignment.OrganizationId,
            Reason = "样例督办事由", IssuedAt = DateTimeOffset.UtcNow, IssuedByName = "sample", ReplyBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10),
            Origin = OrderOrigin.Manual, IdempotencyKey = "sample-order:" + Guid.NewGuid().ToString("N"),
        };
        db.Add(order);
        await db.SaveChangesAsync();
        return order;
    }
}
