using Duban.Core.Security;
using Duban.Core.Tracking.Supervision;
using Duban.Core.Users;
using Duban.Data.Migrations;
using Duban.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Duban.Data.Tests;

/// <summary>
/// Upgrading a database whose manual 督办单 name their issuer by login name (<see cref="NameOrderIssuersByDisplayName"/>):
/// the orders of a user who still exists take the display name; the escalation job's, those of a removed user and one
/// already named otherwise stay as they are.
/// </summary>
public sealed class OrderIssuerUpgradeTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Manual_orders_of_existing_users_take_the_display_name(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        await using (var old = DatabaseFixture.Context(options))
        {
            // The migration just before the renaming: orders are written with the model of that time.
            await old.GetService<IMigrator>().MigrateAsync(KeepMinutesHistory.Id);
            var rows = await FirstReleaseRows.InsertAsync(old);
            var assignment = rows.Assignments[0];
            var user = new User { UserName = "wang.office", DisplayName = "王主任", PasswordHash = "x", Role = Role.Admin, Scope = DataScope.All, CreatedAt = DateTimeOffset.UtcNow };
            old.Users.Add(user);
            await old.SaveChangesAsync();

            void Order(string key, OrderOrigin origin, long? issuedById, string issuedByName) => old.Add(new SupervisionOrder
            {
                Number = key, TaskId = assignment.TaskId, AssignmentId = assignment.Id, OrganizationId = assignment.OrganizationId, Reason = "逾期",
                IssuedAt = DateTimeOffset.UtcNow, IssuedById = issuedById, IssuedByName = issuedByName, ReplyBy = new DateOnly(2026, 12, 31),
                Origin = origin, IdempotencyKey = key,
            });
            Order("manual", OrderOrigin.Manual, user.Id, "wang.office");
            Order("removed", OrderOrigin.Manual, user.Id + 1000, "gone.user");
            Order("renamed", OrderOrigin.Manual, user.Id, "王主任（原）");
            Order("automatic", OrderOrigin.Automatic, null, "系统");
            await old.SaveChangesAsync();
        }

        await using var upgraded = DatabaseFixture.Context(options);
        await DubanDatabase.MigrateAsync(upgraded);

        var names = await upgraded.Set<SupervisionOrder>().AsNoTracking().ToDictionaryAsync(o => o.Number, o => o.IssuedByName);
        names.ShouldBe(new Dictionary<string, string>
        {
            ["manual"] = "王主任",
            ["removed"] = "gone.user",
            ["renamed"] = "王主任（原）",
            ["automatic"] = "系统",
        }, ignoreOrder: true);
    }
}
