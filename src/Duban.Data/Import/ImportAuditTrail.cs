using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Duban.Core.Audit;
using Duban.Data.Audit;

namespace Duban.Data.Import;

/// <summary>
/// The audit entries of one import, collected while it runs and handed to the <see cref="AuditLog"/> once the
/// entities have their ids. Before-images are taken when the entry is added (before the change); after-images and ids
/// when the entries are written.
/// </summary>
internal sealed class ImportAuditTrail(ImportActor actor, DateTimeOffset at)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Names and task texts stay readable in the log.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly List<Func<AuditEntry>> pending = [];

    /// <summary>When the import happens: every entry and every timestamp of one import share it.</summary>
    public DateTimeOffset At => at;

    public int Count => pending.Count;

    /// <param name="before">Serialised now: the state before the change.</param>
    /// <param name="entityId">Read when written, after the entity has been saved.</param>
    /// <param name="after">Read when written.</param>
    public void Add(string action, string entityType, Func<object?> entityId, object? before, Func<object?>? after)
    {
        var beforeJson = Serialize(before);
        pending.Add(() => new AuditEntry
        {
            At = at,
            UserId = actor.UserId,
            Actor = actor.Name,
            RemoteAddress = actor.RemoteAddress,
            Action = action,
            EntityType = entityType,
            EntityId = entityId()?.ToString(),
            Before = beforeJson,
            After = Serialize(after?.Invoke()),
        });
    }

    public void WriteTo(AuditLog writer)
    {
        foreach (var entry in pending) writer.Write(entry());
        pending.Clear();
    }

    private static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Json);
}
