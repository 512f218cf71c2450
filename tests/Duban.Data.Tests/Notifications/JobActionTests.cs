using Duban.Core.Jobs;
using Duban.Data.Jobs;
using Duban.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Notifications;

public sealed class JobActionTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task Recording_the_same_action_twice_stores_it_once(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var key = "chase:assignment:42:2026-10:" + Guid.NewGuid().ToString("N");
        await using var db = DatabaseFixture.Context(options);
        var actions = new JobActions(db);

        (await actions.TryRecordAsync("escalation", "chase", key, """{"assignment":42}""", Noon)).ShouldBeTrue();
        (await actions.TryRecordAsync("escalation", "chase", key, """{"assignment":42}""", Noon.AddDays(1))).ShouldBeFalse();

        var stored = await db.Set<JobAction>().Where(a => a.IdempotencyKey == key).ToListAsync();
        stored.Count.ShouldBe(1);
        stored[0].CreatedAt.ShouldBe(Noon);
        stored[0].Payload.ShouldBe("""{"assignment":42}""");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_instances_recording_the_same_actions_at_once_store_each_once_and_only_one_acts_on_each(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var prefix = Guid.NewGuid().ToString("N");
        var keys = Enumerable.Range(1, 20).Select(i => $"{prefix}:{i}").ToList();
        using var start = new Barrier(2);

        async Task<int> RunAsync()
        {
            await using var db = DatabaseFixture.Context(options);
            await db.Database.OpenConnectionAsync();
            start.SignalAndWait();
            var acted = 0;
            foreach (var key in keys)
            {
                if (await new JobActions(db).TryRecordAsync("escalation", "reminder", key, null, Noon)) acted++;
            }
            return acted;
        }

        var acted = await Task.WhenAll(Task.Run(RunAsync), Task.Run(RunAsync));

        acted.Sum().ShouldBe(keys.Count);
        await using var check = DatabaseFixture.Context(options);
        (await check.Set<JobAction>().CountAsync(a => a.IdempotencyKey.StartsWith(prefix))).ShouldBe(keys.Count);
    }
}
