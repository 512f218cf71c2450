using Duban.Data.Audit;
using System.Diagnostics;
using Duban.Core.Organizations;
using Duban.Core.Regions;
using Duban.Data;
using Duban.Data.Import;
using Duban.Parsing;
using Microsoft.EntityFrameworkCore;

namespace Duban.Benchmarks.Core;

/// <summary>How fast a run of imports went.</summary>
public sealed record ImportFigures(int Plans, int Tasks, int Assignments, int OrganizationsCreated, TimeSpan Elapsed)
{
    public double PlansPerSecond => Plans / Elapsed.TotalSeconds;

    public double TasksPerSecond => Tasks / Elapsed.TotalSeconds;
}

/// <summary>
/// Puts the dataset into a database. Regions and organisations are written directly (they are the world the plans are
/// imported into, not what is measured); every plan goes through <see cref="PlanImportService"/>, analyse then confirm
/// with the proposed unit decisions, one context per plan as the web application has one per request.
/// </summary>
public sealed class DatasetLoader(DatabaseOptions database, Dataset world)
{
    private readonly PlanParser parser = new();
    private readonly DbContextOptions<DubanDbContext> contextOptions = DubanDatabase.CreateOptions(database);
    private static readonly ImportActor Actor = new("bench:core");

    /// <summary>Region and organisation ids by the dataset's indexes, creating them on an empty database.</summary>
    public async Task<WorldIds> EnsureWorldAsync(CancellationToken ct)
    {
        await using var db = DubanDatabase.CreateContext(database);
        await DubanDatabase.MigrateAsync(db, ct);
        if (!await db.Regions.AnyAsync(r => r.Name == world.Province.Name, ct))
        {
            var regions = new Region[world.Regions.Count];
            foreach (var spec in world.Regions)
            {
                var region = new Region { Name = spec.Name, Level = spec.Level, ParentId = spec.ParentIndex is { } p ? regions[p].Id : null };
                db.Regions.Add(region);
                await db.SaveChangesAsync(ct);
                region.Path = Region.PathOf(spec.ParentIndex is { } parent ? regions[parent] : null, region.Id);
                regions[spec.Index] = region;
            }
            foreach (var spec in world.Organizations)
                db.Organizations.Add(new Organization { Name = spec.Name, Kind = spec.Kind, RegionId = regions[spec.RegionIndex].Id });
            await db.SaveChangesAsync(ct);
        }

        var regionIds = await db.Regions.AsNoTracking().Select(r => new { r.Name, r.Id, r.Path }).ToDictionaryAsync(r => r.Name, ct);
        var organizationIds = await db.Organizations.AsNoTracking().Select(o => new { o.Name, o.Id }).ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        return new WorldIds(
            [.. world.Regions.Select(r => regionIds[r.Name].Id)],
            [.. world.Regions.Select(r => regionIds[r.Name].Path)],
            [.. world.Organizations.Select(o => organizationIds[o.Name])]);
    }

    public async Task<int> PlanCountAsync(CancellationToken ct)
    {
        await using var db = DubanDatabase.CreateContext(database);
        return await db.Plans.CountAsync(ct);
    }

    /// <summary>Imports plans <paramref name="from"/> to <paramref name="to"/> (exclusive), timing the whole run.</summary>
    public async Task<ImportFigures> ImportAsync(WorldIds ids, int from, int to, Action<int>? progress, CancellationToken ct, Func<int, PlanSpec>? plans = null)
    {
        int tasks = 0, assignments = 0, created = 0;
        var clock = Stopwatch.StartNew();
        for (var i = from; i < to; i++)
        {
            var plan = plans?.Invoke(i) ?? DatasetGenerator.Plan(world, i);
            await using var db = new DubanDbContext(contextOptions);
            var service = new PlanImportService(db, TimeProvider.System, new AuditLog(db, TimeProvider.System), parser);
            var (_, result) = await service.ImportAsync(
                new ImportFile(System.Text.Encoding.UTF8.GetBytes(plan.Text), plan.FileName), new PlanRegion.Existing(ids.Regions[plan.RegionIndex]),
                a => a.DefaultDecisions(createUnmatched: true), Actor, ct);
            if (result.Outcome != ImportOutcome.Imported)
                throw new InvalidOperationException($"{plan.FileName} was not imported as a new plan ({result.Outcome}); is the database from another seed?");
            tasks += result.TasksCreated;
            assignments += result.AssignmentsCreated;
            created += result.OrganizationsCreated;
            if ((i + 1) % 500 == 0) progress?.Invoke(i + 1);
        }
        return new ImportFigures(to - from, tasks, assignments, created, clock.Elapsed);
    }
}

/// <summary>The database ids of the dataset's regions (with their paths) and organisations, by index.</summary>
public sealed record WorldIds(IReadOnlyList<long> Regions, IReadOnlyList<string> RegionPaths, IReadOnlyList<long> Organizations);
