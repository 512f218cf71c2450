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
/// Imports the project's sample plans (samples/*.txt, copied to DemoPlans/ next to the application) into the demo city,
/// creating every unit without a match and expanding collectives to the demo county governments as the matcher
/// proposes, and publishes them, so that a demo shows real plans and tasks to everyone. A sample the importer refuses
/// (the one without task lists) is logged and skipped; a sample already stored is left alone.
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
        var cityId = await db.Regions.Where(r => r.Name == DemoSeeder.City).Select(r => r.Id).SingleAsync(ct);
        var admin = await db.Users.Where(u => u.Id == context.AdminUserId).Select(u => u.UserName).SingleAsync(ct);
        var actor = new ImportActor(admin, context.AdminUserId);

        var imported = 0;
        foreach (var path in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            try
            {
                var (_, result) = await importer.ImportAsync(
                    new ImportFile(await File.ReadAllBytesAsync(path, ct), name), new PlanRegion.Existing(cityId), Decide, actor, ct);
                if (result.Outcome == ImportOutcome.Unchanged) continue;
                var plan = await db.Plans.SingleAsync(p => p.Id == result.PlanId, ct);
                if (plan.Status != PlanStatus.Published)
                {
                    plan.Status = PlanStatus.Published;
                    plan.Version = Guid.NewGuid();
                    audit.Add(new Actor(context.AdminUserId, admin, null), PublishAction, "plan", plan.Id,
                        new { status = PlanStatus.Draft.ToString() }, new { status = PlanStatus.Published.ToString() });
                    await db.SaveChangesAsync(ct);
                }
                imported++;
            }
            catch (PlanImportException e)
            {
                logger.LogInformation("Sample plan {File} not imported: {Code} {Message}", name, e.Code, e.Message);
            }
        }
        logger.LogInformation("Demo plans imported: {Count} from {Folder}", imported, folder);
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
