using System.Text.Json;
using Duban.Core.Audit;
using Duban.Data.Audit;
using Duban.Data;
using Duban.Core.Security;
using Duban.Web.Display;
using Duban.Web.Paging;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Audit;

/// <param name="Actor">Part of the user name of whoever made the change.</param>
/// <param name="From">First day, in China time, inclusive.</param>
/// <param name="To">Last day, in China time, inclusive.</param>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? EntityType = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>An entry as the audit page shows it: who by display name, what it concerns by name and page, what changed.</summary>
public sealed record AuditEntryView(AuditEntry Entry, string ActorName, AuditValue Subject, AuditDifference Difference);

/// <summary>Reading the audit log, newest first, for administrators.</summary>
/// <param name="counts">Kept counts of long lists (docs/benchmarks.md); without them every page counts its list.</param>
public sealed class AuditQueries(DubanDbContext db, ListCounts? counts = null)
{
    /// <summary>The cursor of the log's order (time, then id, newest first): <c>a.{Unix milliseconds}.{id}</c>.</summary>
    public static ListCursor? ParseCursor(string text) =>
        ListCursor.Parse(text, "a", 2) is { } c && ListCursor.Instant(c.Keys[0]) is not null ? c : null;

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

    /// <summary>
    /// The entries an administrator may read. With scope 全部, all of them. Any other administrator reads the entries made
    /// by the accounts it manages (<see cref="Responsibility"/>) and by itself: an entry holds what was written (a report's
    /// text, a 督办单's reasons, an account's region), and an administrator of one county must not read another county's
    /// work through the log. Entries of the system and of accounts above or beside its scope are left to 全部.
    /// </summary>
    public IQueryable<AuditEntry> VisibleTo(DubanUser reader)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!reader.IsAdmin) return entries.Where(e => false);
        if (reader.Scope == DataScope.All) return entries;
        var accounts = db.Users.ActionableBy(reader, db).Select(u => u.Id);
        return entries.Where(e => e.UserId == reader.Id || e.UserId != null && accounts.Contains(e.UserId.Value));
    }

    /// <summary>Names what the entries a reader may read depend on, for the kept counts.</summary>
    private static string ScopeKey(DubanUser reader) =>
        reader.Scope == DataScope.All ? "all" : $"{reader.Id}:{reader.Scope}:{reader.ScopeRegionPath}:{reader.OrganizationId}";

    /// <summary>The entries of the reader's scope the filter keeps, in no order.</summary>
    public IQueryable<AuditEntry> Filtered(DubanUser reader, AuditFilter filter)
    {
        var entries = VisibleTo(reader);
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
        return entries;
    }

    /// <summary>
    /// One page of the log, newest first, by page number (the first pages, older links) or after / before a cursor, read
    /// from the index on (time, id) where the cursor points, so that a page deep in years of entries costs what the first
    /// does. The time is also bounded on its own (<c>At &lt;= …</c>) so that both databases start the index range there.
    /// </summary>
    public async Task<KeysetPage<AuditEntry>> ListAsync(DubanUser reader, AuditFilter filter, KeysetRequest request, CancellationToken ct = default)
    {
        var filtered = Filtered(reader, filter);
        IQueryable<AuditEntry> page;
        if (request.After is { } a && ParseCursor(a) is { } after)
        {
            var (at, id) = (ListCursor.Instant(after.Keys[0])!.Value, after.Keys[1]);
            page = filtered.Where(e => e.At <= at && (e.At < at || e.Id < id)).OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
        }
        else if (request.Before is { } b && ParseCursor(b) is { } before)
        {
            var (at, id) = (ListCursor.Instant(before.Keys[0])!.Value, before.Keys[1]);
            page = filtered.Where(e => e.At >= at && (e.At > at || e.Id > id)).OrderBy(e => e.At).ThenBy(e => e.Id);
        }
        else page = filtered.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(request.Page.Skip);
        var read = await page.Take(request.Page.PageSize + 1).ToListAsync(ct);
        var (rows, next, previous) = KeysetSlice.Cut(read, request);
        var count = counts is null
            ? ListCount.Exact(await filtered.CountAsync(ct))
            : await counts.CountAsync(db, $"audit|{ScopeKey(reader)}|{filter}", filtered.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Id),
                (services, token) => services.GetRequiredService<AuditQueries>().Filtered(reader, filter).CountAsync(token), ct);
        return new(rows, request.Page.Page, request.Page.PageSize, count, Cursor(next), Cursor(previous));
    }

    private static string? Cursor(AuditEntry? e) => e is null ? null : new ListCursor("a", [e.At.ToUnixTimeMilliseconds(), e.Id]).Encode();

    public Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct = default) => DistinctAsync("Action", ct);

    public Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default) => DistinctAsync("EntityType", ct);

    /// <summary>
    /// The distinct values of an indexed column, in order, by hopping from one value to the next in its index (a "loose
    /// index scan"): a few dozen index probes instead of reading every entry, which at a million entries took 300 ms on
    /// PostgreSQL (docs/benchmarks.md, "Lists at province scale"). Written in SQL because LINQ's Distinct reads the whole
    /// index on both databases; the same recursive query runs on SQLite and PostgreSQL.
    /// </summary>
    private async Task<IReadOnlyList<string>> DistinctAsync(string column, CancellationToken ct)
    {
        // The column is one of the two names above, never input.
#pragma warning disable EF1002
        var sql = $"""
            WITH RECURSIVE hop(v) AS (
                SELECT MIN("{column}") FROM audit_entries
                UNION ALL
                SELECT (SELECT MIN(e."{column}") FROM audit_entries e WHERE e."{column}" > hop.v) FROM hop WHERE hop.v IS NOT NULL)
            SELECT v AS "Value" FROM hop WHERE v IS NOT NULL
            """;
        var values = await db.Database.SqlQueryRaw<string>(sql).ToListAsync(ct);
#pragma warning restore EF1002
        return values.Order(StringComparer.Ordinal).ToList();
    }

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
