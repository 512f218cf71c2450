using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duban.Web.Demo;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Duban.Web.Tests.Infrastructure;

/// <summary>What a browser does with a form: fetch the page, take its antiforgery token, post the fields.</summary>
public static partial class Browser
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenField();

    public static string AntiforgeryToken(string html)
    {
        var match = TokenField().Match(html);
        match.Success.ShouldBeTrue("the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups["token"].Value);
    }

    /// <summary>
    /// Fetches <paramref name="page"/>, then posts the fields with its token to <paramref name="action"/> (the page
    /// itself when null), naming the Blazor form <paramref name="formName"/>; through <paramref name="poster"/> when given.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string page, IDictionary<string, string> fields,
        string? action = null, string? formName = null, HttpClient? poster = null)
    {
        var html = await client.GetStringAsync(page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(html) };
        if (formName is not null) form["_handler"] = formName;
        return await (poster ?? client).PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password };
        if (returnUrl is not null) fields["ReturnUrl"] = returnUrl;
        return SubmitAsync(client, "/signin", fields, "/account/signin");
    }

    /// <summary>A client signed in with the cookie that, like Duban's pages, sends the antiforgery token with its API writes.</summary>
    public static async Task<HttpClient> SignedInAsync(this DubanWebFactory factory, string userName, string password = DemoAccounts.Password)
    {
        var client = factory.CreateDefaultClient(factory.ClientOptions.BaseAddress, new ApiAntiforgeryHandler(), new CookieContainerHandler());
        var response = await SignInAsync(client, userName, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/", $"sign-in as {userName} failed");
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement;
    }

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
