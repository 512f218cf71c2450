using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Data.Tracking.Status;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Web.Dashboard;

/// <summary>The "KeptStatuses" configuration section.</summary>
public sealed class KeptStatusOptions
{
    public const string Section = "KeptStatuses";

    /// <summary>Compute every plan's statuses when the instance starts and each Beijing morning (docs/dashboard.md).</summary>
    public bool WarmUp { get; set; } = true;
}

/// <summary>
/// Fills this instance's <see cref="PlanStatusCache"/> for every plan when it starts and again once the Beijing day has
/// changed (checked each minute), so that the first reader of the day is not the one who waits for the computation of
/// every plan (about half a second at province scale, docs/benchmarks.md), and then brings the statuses stored on the
/// tasks up to date (<see cref="StoredTaskStatuses"/>: the new day's, for the task list filtered by status). Per
/// instance, not a leased job: each instance keeps its own statuses; the stored ones are written by the first instance
/// to get there, the others find them current.
/// </summary>
public sealed partial class KeptStatusWarmup(
    IServiceScopeFactory scopes, PlanStatusCache kept, StoredTaskStatuses stored, IOptions<KeptStatusOptions> options, TimeProvider time, ILogger<KeptStatusWarmup> logger) : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUp) return;
        DateOnly? warmed = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var today = TrackingDay.Today(time);
                if (warmed != today)
                {
                    await WarmAsync(stoppingToken);
                    warmed = today;
                }
                await Task.Delay(CheckInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unreachable (or not migrated yet); readers compute what is missing anyway.
                LogWarmUpFailed(logger, e);
                await Task.Delay(CheckInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Computes and keeps the statuses of every current task and every target of every plan, and stores the tasks'.</summary>
    public async Task WarmAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDbContext>();
        var taskIds = await db.Tasks.AsNoTracking().Where(t => t.RemovedInVersionId == null).Select(t => t.Id).ToListAsync(ct);
        var planIds = await db.Plans.AsNoTracking().Select(p => p.Id).ToListAsync(ct);
        await kept.TasksAsync(db, taskIds, planIds, ct);
        await kept.TargetsAsync(db, taskIds, planIds, ct);
        await stored.EnsureAsync(db, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computing the kept statuses in advance failed; readers compute them when they ask")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}
