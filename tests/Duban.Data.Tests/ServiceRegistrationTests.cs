using Duban.Core.Regions;
using Duban.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Data.Tests;

public sealed class ServiceRegistrationTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_host_registers_the_context_and_migrates_at_start_up(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        await using var services = new ServiceCollection().AddDubanData(options).BuildServiceProvider();

        await services.MigrateDubanDatabaseAsync();

        services.GetRequiredService<DatabaseOptions>().ShouldBe(options);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDbContext>();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        db.Regions.Add(new Region { Name = "注册省", Path = "/" });
        (await db.SaveChangesAsync()).ShouldBe(1);
    }
}
