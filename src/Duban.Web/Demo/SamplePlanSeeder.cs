using Duban.Core.Import;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Data;
using Duban.Data.Import;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Demo;

/// <summary>
/// Imports the demo city's own plan (Demo/Plans/qinghe-action-plan.txt, embedded) into 清河市 and the project's sample
/// plans (samples/*.txt, copied to DemoPlans/ next to the application) each into the made-up place its title names
/// (青禾市, 西岭市, 东川区 …, <see cref="DemoSeeder.SamplePlaces"/>), recognised as any import recognises a region but
/// within the demo province only: 东川区 is the demo's, not Kunming's. Every unit without a match is created and
/// collectives expanded as the matcher proposes; the plans are published, so that a demo shows real plans and tasks to
/// everyone. A sample the importer refuses (the one without task lists) is logged and skipped; a sample already stored
/// is left alone.
/// </summary>
public sealed class SamplePlanSeeder(ILogger<SamplePlanSeeder> logger) : IDemoPlanSeeder
{
    public const string Folder = "DemoPlans";

    public const string PublishAction = "plan.publish";

    /// <summary>Where the sample files are: next to the application, else samples/ of the source tree (a run from the source folder).</summary>
    public static string? FindFolder(IHostEnvironment environment)
    {
        string[] candidates = [Path.Combine(AppContext.BaseDirectory, Folder), Path.Combine(environment.ContentRootPath, "..", "..", "samples")];
        return candidates.FirstOrDefault(Directory.Exists);
    }

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        var services = context.Services;
        var folder = FindFolder(services.GetRequiredService<IHostEnvironment>());
        if (folder is null)
        {
            logger.LogWarning("No sample plans found ({Folder}); the demo has no plans", Folder);
            return;
        }
        var db = services.GetRequiredService<DubanDbContext>();
        var importer = services.GetRequiredService<PlanImportService>();
        var audit = services.GetRequiredService<AuditLog>();
        var cityId = await db.Regions.Where(r => r.Name == DemoSeeder.City && r.Code == null).Select(r => r.Id).SingleAsync(ct);
        var province = await db.Regions.Where(r => r.Name == DemoSeeder.Province && r.Code == null).Select(r => new { r.Id, r.Path }).SingleAsync(ct);
        var admin = await db.Users.Where(u => u.Id == context.AdminUserId).Select(u => u.UserName).SingleAsync(ct);
        var actor = new ImportActor(admin, context.AdminUserId);
        // The demo imports as an administrator of its province would: only the demo's places are recognised and filed under.
        var demoProvince = new ImportAuthority(
            plans => plans.Where(p => p.Region != null && p.Region.Path.StartsWith(province.Path)),
            regions => regions.Where(r => r.Path.StartsWith(province.Path)),
            province.Id,
            TopLevel: false);

        async Task<bool> ImportAsync(string name, byte[] content, PlanRegion region)
        {
            try
            {
                var analysis = await importer.AnalyzeAsync(new ImportFile(content, name), region, demoProvince, ct);
                var result = await importer.ConfirmAsync(analysis, Decide(analysis), actor, ct);
                if (result.Outcome == ImportOutcome.Unchanged) return false;
                await PublishAsync(db, audit, new Actor(context.AdminUserId, admin, null), result.PlanId, ct);
                return true;
            }
            catch (PlanImportException e)
            {
                logger.LogInformation("Sample plan {File} not imported: {Code} {Message}", name, e.Code, e.Message);
                return false;
            }
        }

        var imported = await ImportAsync(CityPlanName, CityPlan(), new PlanRegion.Existing(cityId)) ? 1 : 0;
        foreach (var path in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
            if (await ImportAsync(Path.GetFileName(path), await File.ReadAllBytesAsync(path, ct), new PlanRegion.FromDocument())) imported++;
        logger.LogInformation("Demo plans imported: {Count} from {Folder} and the demo city's own", imported, folder);
    }

    /// <summary>The file name the demo city's plan is stored under.</summary>
    public const string CityPlanName = "qinghe-action-plan.txt";

    /// <summary>The demo city's own plan: 清河市职业教育提质培优行动计划, written for the demo (tasks for 清河市教育局 and the county governments).</summary>
    public static byte[] CityPlan()
    {
        using var stream = typeof(SamplePlanSeeder).Assembly.GetManifestResourceStream("Duban.Web.Demo." + CityPlanName)
            ?? throw new InvalidOperationException("The demo city's plan is not embedded (Duban.Web.csproj, Demo/Plans).");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static async Task PublishAsync(DubanDbContext db, AuditLog audit, Actor actor, long planId, CancellationToken ct)
    {
        var plan = await db.Plans.SingleAsync(p => p.Id == planId, ct);
        if (plan.Status == PlanStatus.Published) return;
        plan.Status = PlanStatus.Published;
        plan.Version = Guid.NewGuid();
        audit.Add(actor, PublishAction, "plan", plan.Id, new { status = PlanStatus.Draft.ToString() }, new { status = PlanStatus.Published.ToString() });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The proposals as they stand, unmatched units created; an ambiguous unit takes its first candidate (a demo has no one to ask).</summary>
    public static ImportDecisions Decide(ImportAnalysis analysis)
    {
        var units = new Dictionary<string, UnitDecision>(StringComparer.Ordinal);
        foreach (var proposal in analysis.UnitProposals)
        {
            units[proposal.Unit.Name] = proposal.DefaultDecision(createUnmatched: true) ?? proposal switch
            {
                { Kind: UnitMatchKind.Ambiguous, OrganizationIds.Count: > 0 } => new MapToOrganizations([proposal.OrganizationIds[0]], RememberAlias: false),
                _ => new CreateOrganization(proposal.Unit.Canonical, OrganizationKind.Other),
            };
        }
        return new ImportDecisions(units);
    }
}
