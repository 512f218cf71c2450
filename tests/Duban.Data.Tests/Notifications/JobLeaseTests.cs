using Duban.Data.Jobs;
using Duban.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Notifications;

public sealed class JobLeaseTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task Of_contenders_starting_together_for_a_new_lease_exactly_one_wins(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var job = "new-" + Guid.NewGuid().ToString("N");

        var winners = await ContendAsync(options, job, Noon, contenders: 6);

        winners.Count.ShouldBe(1);
        await using var db = DatabaseFixture.Context(options);
        (await new JobLeases(db).FindAsync(job))!.Holder.ShouldBe(winners[0]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_running_lease_is_refused_to_everybody_and_an_expired_one_goes_to_exactly_one_contender(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var job = "expiry-" + Guid.NewGuid().ToString("N");
        await using (var db = DatabaseFixture.Context(options))
        {
            (await new JobLeases(db).TryAcquireAsync(job, "first", Noon, TimeSpan.FromMinutes(10))).ShouldBeTrue();
            (await new JobLeases(db).TryAcquireAsync(job, "first", Noon.AddMinutes(5), TimeSpan.FromMinutes(10))).ShouldBeFalse("a running lease is extended with HoldUntil, not taken again");
        }

        (await ContendAsync(options, job, Noon.AddMinutes(9), contenders: 4)).ShouldBeEmpty();
        var winners = await ContendAsync(options, job, Noon.AddMinutes(10), contenders: 4);

        winners.Count.ShouldBe(1);
        await using (var db = DatabaseFixture.Context(options))
        {
            var lease = (await new JobLeases(db).FindAsync(job))!;
            lease.Holder.ShouldBe(winners[0]);
            lease.ExpiresAt.ShouldBe(Noon.AddMinutes(20));
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Only_the_holder_can_extend_its_lease(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var job = "hold-" + Guid.NewGuid().ToString("N");
        await using var db = DatabaseFixture.Context(options);
        var leases = new JobLeases(db);
        await leases.TryAcquireAsync(job, "holder", Noon, TimeSpan.FromMinutes(1));

        (await leases.HoldUntilAsync(job, "other", Noon.AddDays(1))).ShouldBeFalse();
        (await leases.HoldUntilAsync(job, "holder", Noon.AddDays(1))).ShouldBeTrue();

        (await leases.TryAcquireAsync(job, "other", Noon.AddHours(23), TimeSpan.FromMinutes(1))).ShouldBeFalse();
        (await leases.FindAsync(job))!.ExpiresAt.ShouldBe(Noon.AddDays(1));
    }

    /// <summary>Contenders on connections of their own, released at the same moment; returns the winners' names.</summary>
    private static async Task<List<string>> ContendAsync(DatabaseOptions options, string job, DateTimeOffset now, int contenders)
    {
        using var start = new Barrier(contenders);
        var attempts = Enumerable.Range(1, contenders).Select(i => Task.Run(async () =>
        {
            var name = $"instance-{i}";
            await using var db = DatabaseFixture.Context(options);
            await db.Database.OpenConnectionAsync();
            start.SignalAndWait();
            return await new JobLeases(db).TryAcquireAsync(job, name, now, TimeSpan.FromMinutes(10)) ? name : null;
        })).ToList();
        var results = await Task.WhenAll(attempts);
        return results.OfType<string>().ToList();
    }
}
