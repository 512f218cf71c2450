using Duban.Core.Assessments;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Data.Assessments;
using Duban.Data.Supervision;
using Duban.Data.Tracking;
using Duban.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Assessments;

/// <summary>
/// Gives the demo one assessment to look at (part of the sample activity, <c>Demo:SampleActivity</c>): the default
/// scheme over 清河市's county governments and bureaus, a 约谈 on one county's work, the demo inspector's 现场督导 scores
/// and one bonus item, computed twice (so the differences show), left in 自评 for the demo reporter. Everything goes
/// through the services the pages use, audited like real work. Runs after the sample plans and activity.
/// </summary>
public sealed class DemoAssessmentSeeder(IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoAssessmentSeeder> logger) : IDemoPlanSeeder
{
    public const string SchemeName = "清河市职业教育工作督导评估方案";

    /// <summary>The demo inspector's 现场督导 scores, by organisation name: different enough to rank.</summary>
    private static readonly Dictionary<string, (decimal Points, string Comment)> Inspections = new()
    {
        ["东湖县人民政府"] = (9m, "实地查看县职教中心实训基地，设备到位，运行规范。"),
        ["西山县人民政府"] = (6.5m, "实训基地建设进度滞后，部分设备尚未安装。"),
        ["南岭县人民政府"] = (8m, "达标方案落实较好，校舍改造已完工。"),
        [DemoSeeder.CityEducation] = (8.5m, "统筹推进有力，台账资料齐全。"),
        [DemoSeeder.CityFinance] = (7.5m, "生均拨款已落实，新增经费倾斜力度有待加大。"),
        ["清河市人力资源和社会保障局"] = (7m, "技能培训组织有序，培训台账需进一步规范。"),
    };

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (!options.Value.SampleActivity) return;
        var services = context.Services;
        var db = services.GetRequiredService<DubanDbContext>();
        var desk = services.GetRequiredService<AssessmentDesk>();
        var supervision = services.GetRequiredService<SupervisionDesk>();

        var city = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Name == DemoSeeder.City && r.Code == null, ct);
        if (city is null) return;
        var names = Inspections.Keys.ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => names.Contains(o.Name)).ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        var users = await db.Users.AsNoTracking().Where(u => u.Id == context.AdminUserId || u.UserName == DemoAccounts.Inspector).ToListAsync(ct);
        var admin = new TrackingActor(context.AdminUserId, users.Single(u => u.Id == context.AdminUserId).UserName, Role.Admin, null);
        var inspector = users.SingleOrDefault(u => u.UserName == DemoAccounts.Inspector) is { } i ? new TrackingActor(i.Id, i.UserName, Role.Inspector, null) : admin;

        // A 约谈 on 西山县's part of a task of the demo city's plan, as the office would flag it.
        if (organizations.TryGetValue("西山县人民政府", out var xishan))
        {
            var task = await db.Assignments.AsNoTracking()
                .Where(a => a.OrganizationId == xishan && a.Role == UnitRole.Lead && a.Task!.RemovedInVersionId == null
                            && db.Plans.Any(p => p.Id == a.Task.PlanId && p.Status == PlanStatus.Published && p.RegionId == city.Id))
                .OrderBy(a => a.TaskId).Select(a => (long?)a.TaskId).FirstOrDefaultAsync(ct);
            if (task is { } taskId) await supervision.FlagAsync(admin, taskId, new FlagInput("summons", xishan, "实训基地建设进度滞后，约谈分管负责人。"), ct);
        }

        var scheme = await desk.CreateSchemeAsync(admin, new NewScheme(SchemeName, city.Id, null, DefaultScheme.For([.. names.Where(organizations.ContainsKey).Select(n => organizations[n])]), "演示：默认评分细则"), ct);
        if (scheme.Value is null)
        {
            logger.LogWarning("Demo assessment not created: {Error}", scheme.Error?.Message);
            return;
        }
        var assessment = await desk.CreateAssessmentAsync(admin, new NewAssessment(scheme.Value.Id, TrackingDay.Today(clock).Year, null), ct);
        if (assessment.Value is not { } created) return;
        foreach (var (name, (points, comment)) in Inspections)
            if (organizations.TryGetValue(name, out var id))
                await desk.EnterAsync(inspector, created.Id, new EntryInput(id, "inspection", points, comment, null), ct);
        await desk.EnterAsync(admin, created.Id, new EntryInput(organizations.GetValueOrDefault(DemoSeeder.CityEducation), "bonus", 2m, "清河职业技术学院获评省级“双高”建设单位", null), ct);
        await desk.RecomputeAsync(admin, created.Id, null, ct);
        logger.LogInformation("Demo assessment: {Name} over {Count} organisations", created.Name, organizations.Count);
    }
}
