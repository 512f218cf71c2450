using System.Net;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests;

public sealed class LowSignInRateFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["SignIn:AttemptsPerMinute"] = "3" };
}

public sealed class SignInRateLimitTests(LowSignInRateFixture app) : IClassFixture<LowSignInRateFixture>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_are_refused_with_429_whatever_the_user_name()
    {
        var client = app.Factory.CreateClient();
        var html = await client.GetStringAsync("/signin");
        var token = Browser.AntiforgeryToken(html);
        Task<HttpResponseMessage> PostAsync(string user) => client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["UserName"] = user,
            ["Password"] = "wrong-password",
        }));

        for (var i = 0; i < 3; i++) (await PostAsync("user-" + i)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await PostAsync("user-3");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("登录尝试过于频繁");
        // Other pages are not limited.
        (await client.GetAsync("/signin")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
