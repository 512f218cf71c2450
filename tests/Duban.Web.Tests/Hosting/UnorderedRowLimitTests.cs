using Duban.Data;
using Duban.Web.Hosting;
using Duban.Web.Paging;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Hosting;

/// <summary>
/// A Skip/Take without an order returns the rows the database's plan happens to give: the tests' hosts make EF Core's
/// warning an error (<see cref="DatabaseRegistration.UnorderedRowLimitIsErrorSetting"/>), so every query a web test runs
/// is checked; the bounded counts of the long lists (<see cref="ListCounts"/>) read the list's first rows in its order.
/// </summary>
public sealed class UnorderedRowLimitTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_row_limit_without_an_order_fails_in_the_tests_host()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            app.Factory.WithDbAsync(db => db.Tasks.Select(t => t.Id).Take(3).CountAsync()));
        error.Message.ShouldContain("OrderBy");
        (await app.Factory.WithDbAsync(db => db.Tasks.OrderBy(t => t.Id).Select(t => t.Id).Take(3).CountAsync())).ShouldBe(3);
    }

    [Fact]
    public async Task The_bounded_count_of_a_list_is_its_rows_up_to_the_bound_and_more_than_the_bound_past_it()
    {
        var counts = app.Factory.Services.GetRequiredService<ListCounts>();
        var total = await app.Factory.WithDbAsync(db => db.Tasks.CountAsync(t => t.RemovedInVersionId == null));
        total.ShouldBeGreaterThan(3);
        var ordered = (DubanDbContext db) => db.Tasks.Where(t => t.RemovedInVersionId == null).OrderBy(t => t.PlanId).ThenBy(t => t.Id).Select(t => t.Id);
        Task<int> Recount(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<DubanDbContext>().Tasks.CountAsync(t => t.RemovedInVersionId == null, ct);

        var exact = await app.Factory.WithDbAsync(db => counts.CountAsync(db, $"test|exact|{Guid.NewGuid()}", ordered(db), Recount, CancellationToken.None));
        exact.ShouldBe(ListCount.Exact(total));

        var bound = counts.ExactUpTo;
        counts.ExactUpTo = 3;
        try
        {
            var key = $"test|bounded|{Guid.NewGuid()}";
            var first = await app.Factory.WithDbAsync(db => counts.CountAsync(db, key, ordered(db), Recount, CancellationToken.None));
            first.ShouldBe(new ListCount(3, ListCountKind.AtLeast));
            await counts.SettledAsync();
            var kept = await app.Factory.WithDbAsync(db => counts.CountAsync(db, key, ordered(db), Recount, CancellationToken.None));
            (kept.Value, kept.Kind).ShouldBe((total, ListCountKind.Kept));
        }
        finally
        {
            counts.ExactUpTo = bound;
        }
    }
}
