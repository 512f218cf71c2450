using Duban.Core.Tracking.Supervision;
using Duban.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Security;

/// <summary>
/// Whose work a write concerns, asked before the write: the organisation of a report, a 督办单 or a flag, the plan of a
/// task. The API and the pages ask the same questions, so a form cannot do what the API refuses. A record the user
/// cannot read is answered elsewhere (404); these answer for records the user can read but is not responsible for.
/// </summary>
public sealed class ActingRights(DubanDbContext db)
{
    /// <summary>The message of a refused write, for the API's 403 and the page's alert.</summary>
    public const string NotResponsible = "该事项所属单位不在您的管理范围内：您可以查看，但只能由其所在地区的管理员处理。";

    public const string NotResponsibleForPlan = "该任务所属计划不在您的管理范围内：您可以查看，但只能由制定该计划的地区的管理员处理。";

    /// <summary>The ids of the organisations the actor answers for, to narrow a list to what it may act on.</summary>
    public IQueryable<long> OrganizationIds(DubanUser actor) => db.Organizations.ActionableBy(actor).Select(o => o.Id);

    public Task<bool> ForOrganizationAsync(DubanUser actor, long organizationId, CancellationToken ct) =>
        db.Organizations.ActionableBy(actor).AnyAsync(o => o.Id == organizationId, ct);

    /// <summary>Reviewing a report is acting on the work of the report's organisation.</summary>
    public Task<bool> ForReportAsync(DubanUser actor, long reportId, CancellationToken ct)
    {
        var organizations = db.Organizations.ActionableBy(actor).Select(o => o.Id);
        return db.ProgressReports.AnyAsync(r => r.Id == reportId && organizations.Contains(r.Assignment!.OrganizationId), ct);
    }

    /// <summary>Closing or returning a 督办单 is acting on the organisation it was addressed to.</summary>
    public Task<bool> ForOrderAsync(DubanUser actor, long orderId, CancellationToken ct)
    {
        var organizations = db.Organizations.ActionableBy(actor).Select(o => o.Id);
        return db.Set<SupervisionOrder>().AnyAsync(o => o.Id == orderId && organizations.Contains(o.OrganizationId), ct);
    }

    /// <summary>Configuring a plan, or recording what concerns a whole task (a 领导批示), belongs to the office of the plan's region.</summary>
    public Task<bool> ForPlanAsync(DubanUser actor, long planId, CancellationToken ct) =>
        db.Plans.ActionableBy(actor).AnyAsync(p => p.Id == planId, ct);

    public Task<bool> ForTaskPlanAsync(DubanUser actor, long taskId, CancellationToken ct)
    {
        var plans = db.Plans.ActionableBy(actor).Select(p => p.Id);
        return db.Tasks.AnyAsync(t => t.Id == taskId && plans.Contains(t.PlanId), ct);
    }
}
