using Microsoft.AspNetCore.WebUtilities;

namespace Duban.Web.Exports;

/// <summary>The export link beside a list: the export's address with the list's current filter, without the page number.</summary>
public static class ExportLink
{
    /// <summary>
    /// <paramref name="path"/> with every query value of the request but <c>page</c> (and empty ones): for a list whose
    /// filters have the same names as its export's (the task list and <c>/api/v1/tasks.xlsx</c>).
    /// </summary>
    /// <param name="leaveOut">Further query values to drop (a filter the link removes).</param>
    public static string WithFilter(string path, HttpRequest request, params string[] leaveOut)
    {
        var kept = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(kv => !kv.Key.Equals("page", StringComparison.OrdinalIgnoreCase) && !leaveOut.Contains(kv.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => KeyValuePair.Create(kv.Key, v)));
        return path + QueryString.Create(kept!);
    }

    /// <summary><paramref name="path"/> with a query string already written ("status=overdue&amp;planId=3"), or none.</summary>
    public static string With(string path, string query) => query.Length == 0 ? path : $"{path}?{query}";
}
