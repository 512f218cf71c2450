using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Duban.Core.Users;
using Duban.Data.Audit;
using Duban.Web.Security;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests;

/// <summary>The application taking the client's address from X-Forwarded-For, so that a test can sign in from several.</summary>
public sealed class ForwardedClientsFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Web:TrustForwardedHeaders"] = "true" };
}

/// <summary>One answer for every failed sign-in; a growing wait per account and client; no lockout by strangers.</summary>
public sealed partial class SignInThrottleTests(ForwardedClientsFixture app) : IClassFixture<ForwardedClientsFixture>
{
    private DubanWebFactory Factory => app.Factory;

    /// <summary>What a person at the form sees of a sign-in: the status, where it sends them (less the name they typed), the message, and whether a session began.</summary>
    private sealed record Answer(HttpStatusCode Status, string Location, string Message, bool Session);

    [GeneratedRegex("""<div class="alert alert-danger" role="alert">(?<message>[^<]*)</div>""")]
    private static partial Regex ErrorMessage();

    private HttpClient ClientFrom(string address)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task<Answer> SignInAsync(HttpClient client, string userName, string password)
    {
        var response = await Browser.SignInAsync(client, userName, password);
        var location = response.Headers.Location?.OriginalString ?? "";
        var session = response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("__Host-Duban=", StringComparison.Ordinal));
        var message = "";
        if (location.StartsWith("/signin", StringComparison.Ordinal))
            message = WebUtility.HtmlDecode(ErrorMessage().Match(await client.GetStringAsync(location)).Groups["message"].Value);
        return new(response.StatusCode, Regex.Replace(location, "&userName=[^&]*", ""), message, session);
    }

    private static async Task FailAsync(HttpClient client, string userName, int times)
    {
        for (var i = 0; i < times; i++) (await SignInAsync(client, userName, "wrong-password-" + i)).Session.ShouldBeFalse();
    }

    [Fact]
    public async Task Unknown_user_wrong_password_waiting_client_and_deactivated_account_get_one_and_the_same_answer()
    {
        var user = await Factory.CreateUserAsync("same-answer", "same-answer-password-1");
        var inactive = await Factory.CreateUserAsync("same-answer-off", "same-answer-password-2");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == inactive.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        var waiting = ClientFrom("203.0.113.12");
        await FailAsync(waiting, user.UserName, 5);

        var unknown = await SignInAsync(ClientFrom("203.0.113.10"), "nobody-by-that-name", "whatever-password-1");
        var wrong = await SignInAsync(ClientFrom("203.0.113.11"), user.UserName, "not-the-password");
        var throttled = await SignInAsync(waiting, user.UserName, "same-answer-password-1");
        var deactivated = await SignInAsync(ClientFrom("203.0.113.13"), inactive.UserName, "same-answer-password-2");

        unknown.ShouldBe(new Answer(HttpStatusCode.Redirect, "/signin?error=invalid", unknown.Message, false));
        unknown.Message.ShouldStartWith("用户名或密码错误");
        wrong.ShouldBe(unknown);
        throttled.ShouldBe(unknown, "the right password from a client that must wait");
        deactivated.ShouldBe(unknown, "the right password of a deactivated account");
        (await SignInAsync(ClientFrom("203.0.113.14"), user.UserName, "same-answer-password-1")).Location.ShouldBe("/", "the account itself is not locked");
    }

    [Fact]
    public async Task A_strangers_failures_from_one_address_do_not_stop_the_owner_signing_in_from_another()
    {
        var owner = await Factory.CreateUserAsync("owner-of-account", "owner-password-1");
        var stranger = ClientFrom("198.51.100.7");

        await FailAsync(stranger, owner.UserName, 20);

        var ownAnswer = await SignInAsync(ClientFrom("192.0.2.44"), owner.UserName, "owner-password-1");
        ownAnswer.Location.ShouldBe("/");
        ownAnswer.Session.ShouldBeTrue();
        (await SignInAsync(stranger, owner.UserName, "owner-password-1")).Session.ShouldBeFalse("the stranger still waits, even with the right password");

        // Audited: the five wrong passwords checked, the wait they started, the owner's sign-in; the attempts made while
        // waiting were not checked, so they are not wrong passwords.
        var entries = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == AuditEntities.User && e.EntityId == owner.Id.ToString()).OrderBy(e => e.Id).ToListAsync());
        entries.Count(e => e.Action == AuditActions.SignInFailed).ShouldBe(5);
        var delayed = entries.Single(e => e.Action == AuditActions.SignInDelayed);
        delayed.RemoteAddress.ShouldBe("198.51.100.7");
        delayed.After!.ShouldContain("blockedUntil");
        entries.Last().Action.ShouldBe(AuditActions.SignIn);
        entries.Last().RemoteAddress.ShouldBe("192.0.2.44");
    }

    [Fact]
    public async Task An_ipv6_client_is_counted_by_its_64_so_changing_address_within_it_does_not_escape_the_wait()
    {
        var user = await Factory.CreateUserAsync("ipv6-owner", "ipv6-password-1");

        await FailAsync(ClientFrom("2001:db8:1:2::1"), user.UserName, 5);

        (await SignInAsync(ClientFrom("2001:db8:1:2::ffff"), user.UserName, "ipv6-password-1")).Session.ShouldBeFalse();
        (await SignInAsync(ClientFrom("2001:db8:1:3::1"), user.UserName, "ipv6-password-1")).Session.ShouldBeTrue();
    }

    [Fact]
    public async Task The_wait_doubles_with_each_further_failure_up_to_the_cap_and_the_right_password_after_it_succeeds()
    {
        var user = await Factory.CreateUserAsync("slowed-down", "slowed-password-1");
        var time = new ManualTime(WholeMillisecondNow());
        await using var scope = Factory.Services.CreateAsyncScope();
        var service = ActivatorUtilities.CreateInstance<SignInService>(scope.ServiceProvider, (TimeProvider)time);
        var origin = new Actor(null, "anonymous", "203.0.113.50");
        Task<SignInThrottle> ThrottleAsync() => Factory.WithDbAsync(db => db.SignInThrottles.AsNoTracking().SingleAsync(t => t.UserId == user.Id));

        for (var i = 1; i < 5; i++)
        {
            (await service.SignInAsync(user.UserName, "wrong", origin)).Outcome.ShouldBe(SignInOutcome.Failed);
            (await ThrottleAsync()).BlockedUntil.ShouldBeNull($"no wait after {i} wrong passwords");
        }

        var waits = new List<TimeSpan>();
        for (var i = 5; i <= 11; i++)
        {
            (await service.SignInAsync(user.UserName, "wrong", origin)).Outcome.ShouldBe(SignInOutcome.Failed);
            var wait = (await ThrottleAsync()).BlockedUntil!.Value - time.GetUtcNow();
            waits.Add(wait);
            // Waiting is refused, right password or not, and is not counted; at the end of the wait the next try is checked.
            time.Advance(wait - TimeSpan.FromSeconds(1));
            (await service.SignInAsync(user.UserName, "slowed-password-1", origin)).Outcome.ShouldBe(SignInOutcome.Failed);
            (await ThrottleAsync()).Failures.ShouldBe(i);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        waits.ShouldBe([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15)]);
        (await service.SignInAsync(user.UserName, "slowed-password-1", origin)).Outcome.ShouldBe(SignInOutcome.Succeeded);
        (await Factory.WithDbAsync(db => db.SignInThrottles.AnyAsync(t => t.UserId == user.Id))).ShouldBeFalse("the right password clears the count");
    }

    [Fact]
    public async Task A_password_reset_by_an_administrator_ends_every_wait_for_the_account()
    {
        var user = await Factory.CreateUserAsync("reset-after-waiting", "reset-password-1");
        var client = ClientFrom("203.0.113.70");
        await FailAsync(client, user.UserName, 5);
        var admin = await Factory.SignedInAsync(Duban.Web.Demo.DemoAccounts.Admin);

        (await admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/password", new { password = "reset-password-2" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await SignInAsync(client, user.UserName, "reset-password-2")).Session.ShouldBeTrue();
    }

    [Fact]
    public async Task A_count_left_for_a_day_starts_again()
    {
        var user = await Factory.CreateUserAsync("forgotten-count", "forgotten-password-1");
        var time = new ManualTime(WholeMillisecondNow());
        await using var scope = Factory.Services.CreateAsyncScope();
        var service = ActivatorUtilities.CreateInstance<SignInService>(scope.ServiceProvider, (TimeProvider)time);
        var origin = new Actor(null, "anonymous", "203.0.113.60");
        for (var i = 0; i < 5; i++) await service.SignInAsync(user.UserName, "wrong", origin);

        time.Advance(SignInService.ForgetFailuresAfter + TimeSpan.FromSeconds(1));
        await service.SignInAsync(user.UserName, "wrong", origin);

        var throttle = await Factory.WithDbAsync(db => db.SignInThrottles.AsNoTracking().SingleAsync(t => t.UserId == user.Id));
        throttle.Failures.ShouldBe(1);
        throttle.BlockedUntil.ShouldBeNull();
    }

    /// <summary>Now, to the millisecond the database keeps instants in.</summary>
    private static DateTimeOffset WholeMillisecondNow() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    [Theory]
    [InlineData(0, null)]
    [InlineData(4, null)]
    [InlineData(5, 30)]
    [InlineData(6, 60)]
    [InlineData(9, 480)]
    [InlineData(10, 900)]
    [InlineData(1_000_000, 900)]
    public void The_wait_after_a_number_of_failures(int failures, int? seconds) =>
        new SignInOptions().DelayAfter(failures).ShouldBe(seconds is { } s ? TimeSpan.FromSeconds(s) : null);

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::", "2001:db8:1:2::/64")]
    [InlineData(null, SignInClient.Unknown)]
    [InlineData("not an address", SignInClient.Unknown)]
    public void Clients_are_counted_by_ipv4_address_or_ipv6_64(string? address, string key) => SignInClient.KeyOf(address).ShouldBe(key);
}
