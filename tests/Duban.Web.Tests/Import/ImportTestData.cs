using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Duban.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Import;

internal static class ImportTestData
{
    public static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (File.Exists(Path.Combine(candidate, "deadline-forms.txt"))) return candidate;
        }
        throw new InvalidOperationException("samples/ not found");
    }

    /// <summary>A sample under another title, so that it is a new plan (the demo already holds the samples themselves).</summary>
    public static byte[] NewPlan(string title, string sample = "deadline-forms.txt")
    {
        var lines = File.ReadAllLines(Path.Combine(SamplesFolder(), sample));
        lines[0] = title;
        return Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
    }

    public static MultipartFormDataContent Upload(byte[] content, string fileName, IDictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (key, value) in fields ?? new Dictionary<string, string>()) form.Add(new StringContent(value), key);
        return form;
    }

    /// <summary>The proposals of an analysis accepted: create the suggestions, map matches, expand collectives.</summary>
    public static string AcceptAll(JsonElement analysis)
    {
        var units = new Dictionary<string, object>();
        foreach (var unit in analysis.GetProperty("units").EnumerateArray())
        {
            var name = unit.GetProperty("name").GetString()!;
            var ids = unit.GetProperty("organizations").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ToList();
            units[name] = unit.GetProperty("proposal").GetString() switch
            {
                "exact" or "alias" => new { action = "map", organizationIds = ids },
                // The suggested choices: a collective with its unregistered members created, a placeholder left out.
                "collective" => new { action = "expand", organizationIds = ids, create = unit.GetProperty("newMembers").Deserialize<List<JsonElement>>() },
                "placeholder" or "needsChoice" => new { action = "none" },
                "ambiguous" => new { action = "map", organizationIds = ids.Take(1).ToList() },
                _ => (object)new { action = "create", name = unit.GetProperty("suggestion").ValueKind == JsonValueKind.Object ? unit.GetProperty("suggestion").GetProperty("name").GetString() : name },
            };
        }
        return JsonSerializer.Serialize(new { units });
    }

    public sealed record Counts(int Plans, int Versions, int Tasks, int Organizations, int Audit);

    public static async Task<Counts> CountAsync(DubanDbContext db) => new(
        await db.Plans.CountAsync(), await db.PlanVersions.CountAsync(), await db.Tasks.CountAsync(), await db.Organizations.CountAsync(), await db.AuditEntries.CountAsync());
}
