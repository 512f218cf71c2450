using System.Net;
using System.Text.RegularExpressions;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests.Batch;

/// <summary>What a browser without script does with the batch forms: post the ticked boxes, then post the confirmation back.</summary>
public static partial class BatchForms
{
    [GeneratedRegex("<form[^>]*id=\"(?<id>[^\"]+)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Hidden();

    /// <summary>The hidden fields of the form with this id, in order (repeated names kept).</summary>
    public static List<KeyValuePair<string, string>> HiddenFields(string html, string formId)
    {
        var form = Form().Matches(html).SingleOrDefault(m => m.Groups["id"].Value == formId);
        form.ShouldNotBeNull($"the page has no form {formId}");
        return Hidden().Matches(form.Groups["body"].Value)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value))).ToList();
    }

    /// <summary>
    /// Ticks <paramref name="ids"/> on the list page and submits its batch form <paramref name="formId"/> (the first step),
    /// with the form's own hidden fields and the extra ones given.
    /// </summary>
    public static async Task<HttpResponseMessage> SelectAsync(HttpClient client, string listPage, string formId, string action, IEnumerable<long> ids,
        params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(listPage);
        var form = HiddenFields(html, formId);
        form.AddRange(ids.Select(id => KeyValuePair.Create("ids", id.ToString())));
        form.AddRange(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    /// <summary>Posts the confirmation page's form back as its confirm button does.</summary>
    public static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string confirmationHtml, string formId, string action) =>
        client.PostAsync(action, new FormUrlEncodedContent(HiddenFields(confirmationHtml, formId)));

    /// <summary>A forged post: a token from any page, the form's handler name, and fields the page never offered.</summary>
    public static async Task<HttpResponseMessage> ForgeAsync(HttpClient client, string action, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = Browser.AntiforgeryToken(await client.GetStringAsync("/me"));
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("_handler", handler) };
        form.AddRange(fields);
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("<tr data-item=\"(?<id>\\d+)\" data-(?<kind>done|actionable)=\"(?<flag>true|false)\"")]
    private static partial Regex ItemRow();

    /// <summary>The items of a confirmation (data-actionable) or result (data-done) table: id → flag.</summary>
    public static Dictionary<long, bool> Items(string html, string kind) =>
        ItemRow().Matches(html).Where(m => m.Groups["kind"].Value == kind)
            .ToDictionary(m => long.Parse(m.Groups["id"].Value), m => m.Groups["flag"].Value == "true");
}
