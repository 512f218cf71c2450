using System.Text.Json;
using Duban.Core.Audit;
using Duban.Data;
using Duban.Web.Display;
using Duban.Web.Paging;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Audit;

/// <param name="Actor">Part of the user name of whoever made the change.</param>
/// <param name="From">First day, in China time, inclusive.</param>
/// <param name="To">Last day, in China time, inclusive.</param>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? EntityType = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>Reading the audit log, newest first, for administrators.</summary>
public sealed class AuditQueries(DubanDbContext db)
{
    private static readonly JsonSerializerOptions Indented = new(Duban.Data.Audit.AuditLog.Json) { WriteIndented = true };

    public Task<Paged<AuditEntry>> ListAsync(AuditFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor)) entries = entries.Where(e => e.Actor.Contains(filter.Actor.Trim()));
        if (!string.IsNullOrEmpty(filter.Action)) entries = entries.Where(e => e.Action == filter.Action);
        if (!string.IsNullOrEmpty(filter.EntityType)) entries = entries.Where(e => e.EntityType == filter.EntityType);
        // The calendar's first and last days bound nothing, and have no instant before or after them to compare with.
        if (filter.From is { } from && from > DateOnly.MinValue)
        {
            var start = ChineseText.StartOfDay(from);
            entries = entries.Where(e => e.At >= start);
        }
        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = ChineseText.StartOfDay(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }
        return entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToPagedAsync(page, ct);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct = default) =>
        await db.AuditEntries.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default) =>
        await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(a => a).ToListAsync(ct);

    /// <summary>The stored JSON indented for reading; text that is not JSON is shown as it is.</summary>
    public static string Pretty(string? json)
    {
        if (string.IsNullOrEmpty(json)) return "—";
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
