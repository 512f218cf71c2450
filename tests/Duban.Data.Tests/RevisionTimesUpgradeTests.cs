using Duban.Data.Migrations;
using Duban.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Tests;

/// <summary>
/// Upgrading a database that holds reports from before revisions had a submission time
/// (<see cref="CloseOrdersAndTimeRevisions"/>): the revisions that were submitted get the time the status rules used
/// to estimate, the ones never submitted stay without one, and the new table of order reviews works.
/// </summary>
public sealed class RevisionTimesUpgradeTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Submitted_revisions_get_a_submission_time_and_the_others_none(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        Dictionary<string, long> revisions = [];
        await using (var old = DatabaseFixture.Context(options))
        {
            await old.GetService<IMigrator>().MigrateAsync(CreateSupervisionTables.Id);
            var rows = await FirstReleaseRows.InsertAsync(old);
            var assignment = rows.Assignments[0].Id;
            var plan = rows.Plans[0].Id;

            async Task<long> InsertAsync(FormattableString sql) => (await old.Database.SqlQuery<long>(sql).ToListAsync()).Single();
            async Task<long> ReportAsync(int month, int status, long? submittedAt)
            {
                var period = await InsertAsync($"""
                    INSERT INTO periods ("PlanId", "Kind", "Start", "End") VALUES ({plan}, 1, {new DateOnly(2026, month, 1)}, {new DateOnly(2026, month, 28)})
                    RETURNING "Id" AS "Value"
                    """);
                return await InsertAsync($"""
                    INSERT INTO progress_reports ("AssignmentId", "PeriodId", "Status", "LatestRevisionId", "RevisionCount", "SubmittedAt", "Late", "CreatedAt", "Version")
                    VALUES ({assignment}, {period}, {status}, {null}, 0, {submittedAt}, {false}, 100, {Guid.NewGuid()})
                    RETURNING "Id" AS "Value"
                    """);
            }
            async Task RevisionAsync(string name, long report, int number, long createdAt, bool latest) =>
                revisions[name] = await InsertAsync($"""
                    INSERT INTO report_revisions ("ReportId", "Number", "State", "PercentComplete", "Done", "Problems", "NextSteps", "AuthorId", "AuthorName", "CreatedAt")
                    VALUES ({report}, {number}, 2, {null}, '推进中', '', '', 1, '填报员', {createdAt})
                    RETURNING "Id" AS "Value"
                    """);
            async Task LatestAsync(long report, string revision) =>
                await old.Database.ExecuteSqlAsync($"""UPDATE progress_reports SET "LatestRevisionId" = {revisions[revision]} WHERE "Id" = {report}""");
            async Task ReviewAsync(long report, string revision, int decision, long at) =>
                await old.Database.ExecuteSqlAsync($"""
                    INSERT INTO reviews ("ReportId", "RevisionId", "Decision", "Comment", "ReviewerId", "ReviewerName", "At")
                    VALUES ({report}, {revisions[revision]}, {decision}, '意见', 2, '管理员', {at})
                    """);

            // Approved: first submitted at 1000 with revision a1 (written at 500, returned), a2 written and replaced
            // before the resubmission, a3 written at 2000, resubmitted and approved.
            var approved = await ReportAsync(1, 4, 1000);
            await RevisionAsync("a1", approved, 1, 500, false);
            await RevisionAsync("a2", approved, 2, 1500, false);
            await RevisionAsync("a3", approved, 3, 2000, true);
            await LatestAsync(approved, "a3");
            await ReviewAsync(approved, "a1", 2, 1200);
            await ReviewAsync(approved, "a3", 1, 2500);
            // A draft; one submitted and waiting; one returned and revised since.
            var draft = await ReportAsync(2, 1, null);
            await RevisionAsync("d1", draft, 1, 600, true);
            await LatestAsync(draft, "d1");
            var waiting = await ReportAsync(3, 2, 3000);
            await RevisionAsync("w1", waiting, 1, 2800, true);
            await LatestAsync(waiting, "w1");
            var returned = await ReportAsync(4, 3, 4000);
            await RevisionAsync("r1", returned, 1, 3500, false);
            await RevisionAsync("r2", returned, 2, 5000, true);
            await LatestAsync(returned, "r2");
            await ReviewAsync(returned, "r1", 2, 4500);
        }

        await using (var upgraded = DatabaseFixture.Context(options))
        {
            await DubanDatabase.MigrateAsync(upgraded);
            (await upgraded.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        }

        await using var context = DatabaseFixture.Context(options);
        var times = await context.ReportRevisions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.SubmittedAt?.ToUnixTimeMilliseconds());
        long? At(string name) => times[revisions[name]];
        At("a1").ShouldBe(1000);
        At("a2").ShouldBeNull();
        At("a3").ShouldBe(2000);
        At("d1").ShouldBeNull();
        At("w1").ShouldBe(3000);
        At("r1").ShouldBe(4000);
        At("r2").ShouldBeNull();
        (await context.Set<Core.Tracking.Supervision.OrderReview>().CountAsync()).ShouldBe(0);
    }
}
