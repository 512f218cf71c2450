using System.Net;
using System.Text.Json;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests.Exports;

/// <summary>An API list read whole, page after page: what an export of the same filter must hold, in the same order.</summary>
public static class ApiListPages
{
    /// <summary>Every item of an API list, all pages, in order.</summary>
    public static async Task<List<JsonElement>> AllAsync(HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var response = await client.GetAsync($"{path}{(path.Contains('?') ? "&" : "?")}pageSize=100&page={page}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var json = await response.JsonAsync();
            items.AddRange(json.GetProperty("items").EnumerateArray().Select(e => e.Clone()));
            if (page >= json.GetProperty("totalPages").GetInt32()) return items;
        }
    }
}
