using Duban.Core.Plans;
using Duban.Data.Tests.Support;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;
using static Duban.Data.Tests.Tracking.TrackingWorld;

namespace Duban.Data.Tests.Tracking;

/// <summary>Indicator values on both providers: who may report which target, append-only revisions, one value per target × organisation × period.</summary>
public sealed class ObservationTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private readonly TestClock clock = new(April15);

    [Theory, OnSqlite, OnPostgres]
    public async Task Values_are_revised_by_appending_and_stay_readable(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        TrackingWorld world;
        await using (var db = DatabaseFixture.Context(options)) world = await CreateAsync(db, "指标" + provider);

        long id;
        Guid version;
        await using (var db = DatabaseFixture.Context(options))
        {
            var created = await Values(db, clock).CreateAsync(world.Bureau, new NewObservation(world.TaskTargetId, March, new ObservationContent(1m, "已建成1个", null)));
            created.Error.ShouldBeNull();
            (id, version) = (created.Value!.Id, created.Value.Version);
            var again = await Values(db, clock).CreateAsync(world.Bureau, new NewObservation(world.TaskTargetId, March, new ObservationContent(2m, null, null)));
            again.Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
        }
        await using (var db = DatabaseFixture.Context(options))
        {
            (await Values(db, clock).ReviseAsync(world.Bureau, id, version, new ObservationContent(2.5m, "更正", null))).Error.ShouldBeNull();
            (await Values(db, clock).ReviseAsync(world.Bureau, id, version, new ObservationContent(9m, "过期的副本", null))).Error!.Kind.ShouldBe(TrackingErrorKind.Stale);
        }

        await using var read = DatabaseFixture.Context(options);
        var revisions = await read.ObservationRevisions.Where(r => r.ObservationId == id).OrderBy(r => r.Number).ToListAsync();
        revisions.Select(r => (r.Number, r.Value, r.Note)).ShouldBe([(1, 1m, "已建成1个"), (2, 2.5m, "更正")]);
        (await read.Observations.SingleAsync(o => o.Id == id)).LatestRevisionId.ShouldBe(revisions[1].Id);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_task_target_is_reported_by_its_assigned_organisations_a_plan_target_by_the_regions_government(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        TrackingWorld world;
        await using (var db = DatabaseFixture.Context(options)) world = await CreateAsync(db, "责任" + provider);
        await using var context = DatabaseFixture.Context(options);
        var values = Values(context, clock);
        var content = new ObservationContent(1m, null, null);

        (await values.CreateAsync(world.School, new NewObservation(world.TaskTargetId, March, content))).Error.ShouldBeNull();
        (await values.CreateAsync(world.Government, new NewObservation(world.TaskTargetId, March, content))).Error!.Kind.ShouldBe(TrackingErrorKind.NotFound);
        (await values.CreateAsync(world.Bureau, new NewObservation(world.PlanTargetId, March, content))).Error!.Kind.ShouldBe(TrackingErrorKind.NotFound);
        (await values.CreateAsync(world.Government, new NewObservation(world.PlanTargetId, March, new ObservationContent(21000m, "全市", null)))).Error.ShouldBeNull();
        (await values.CreateAsync(world.Admin, new NewObservation(world.PlanTargetId, new DateOnly(2026, 2, 1), content))).Error!.Kind.ShouldBe(TrackingErrorKind.Forbidden);
        (await values.CreateAsync(world.Government, new NewObservation(world.PlanTargetId, new DateOnly(2026, 2, 1), new ObservationContent(-1m, null, null)))).Error!.Field.ShouldBe("value");
        (await context.Observations.CountAsync(o => o.TargetId == world.PlanTargetId || o.TargetId == world.TaskTargetId)).ShouldBe(2);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_plan_target_of_a_draft_plan_is_not_the_governments_to_report_until_it_is_published(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        TrackingWorld world;
        await using (var db = DatabaseFixture.Context(options)) world = await CreateAsync(db, "草稿" + provider);
        await using var context = DatabaseFixture.Context(options);
        await context.Plans.Where(p => p.Id == world.PlanId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlanStatus.Draft));
        var content = new ObservationContent(21000m, null, null);

        // The government has no task in the draft plan, so its reporters cannot read it, nor write its figures.
        (await Values(context, clock).CreateAsync(world.Government, new NewObservation(world.PlanTargetId, March, content))).Error!.Kind.ShouldBe(TrackingErrorKind.NotFound);
        (await context.Observations.CountAsync(o => o.TargetId == world.PlanTargetId)).ShouldBe(0);

        await context.Plans.Where(p => p.Id == world.PlanId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlanStatus.Published));
        (await Values(context, clock).CreateAsync(world.Government, new NewObservation(world.PlanTargetId, March, content))).Error.ShouldBeNull();
    }
}
