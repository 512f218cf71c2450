using System.Text.Json;
using Duban.Core.Audit;
using Duban.Data.Audit;
using Duban.Data;
using Duban.Web.Display;
using Duban.Web.Paging;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Audit;

/// <param name="Actor">Part of the user name of whoever made the change.</param>
/// <param name="From">First day, in China time, inclusive.</param>
/// <param name="To">Last day, in China time, inclusive.</param>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? EntityType = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>An entry as the audit page shows it: who by display name, what it concerns by name and page, what changed.</summary>
public sealed record AuditEntryView(AuditEntry Entry, string ActorName, AuditValue Subject, AuditDifference Difference);

/// <summary>Reading the audit log, newest first, for administrators.</summary>
public sealed class AuditQueries(DubanDbContext db)
{
    /// <summary>The entries made readable; the names of everything they mention are read once for all of them.</summary>
    public async Task<IReadOnlyList<AuditEntryView>> ReadableAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct = default)
    {
        var wanted = new Dictionary<string, HashSet<long>>();
        void Want(string kind, long id)
        {
            if (!wanted.TryGetValue(kind, out var ids)) wanted[kind] = ids = [];
            ids.Add(id);
        }
        foreach (var entry in entries)
        {
            if (entry.UserId is { } user) Want(AuditNames.User, user);
            if (AuditLabels.EntityKind(entry.EntityType) is { } kind && long.TryParse(entry.EntityId, out var entityId)) Want(kind, entityId);
            foreach (var leaf in AuditChanges.Leaves(entry.Before).Concat(AuditChanges.Leaves(entry.After)))
            {
                if (AuditLabels.IdKind(leaf.Key) is not { } idKind) continue;
                var values = leaf.Value.ValueKind == JsonValueKind.Array ? leaf.Value.EnumerateArray().ToList() : [leaf.Value];
                foreach (var value in values)
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var id)
                        || value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), out id))
                        Want(idKind, id);
            }
        }
        var names = await AuditNames.LoadAsync(db, wanted, ct);
        return entries.Select(e => new AuditEntryView(e, names.PersonOf(e.UserId, e.Actor), Subject(e, names),
            AuditChanges.Between(e.EntityType, e.Before, e.After, names))).ToList();
    }

    private static AuditValue Subject(AuditEntry e, AuditNames names)
    {
        var type = AuditEntities.Describe(e.EntityType);
        if (AuditLabels.EntityKind(e.EntityType) is { } kind && long.TryParse(e.EntityId, out var id))
        {
            var named = names.Of(kind, id);
            return named with { Text = named.Text.StartsWith(type, StringComparison.Ordinal) ? named.Text : $"{type}：{named.Text}" };
        }
        return new(e.EntityId is null ? type : $"{type} {e.EntityId}");
    }

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
