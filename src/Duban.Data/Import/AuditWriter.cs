using Duban.Core.Audit;

namespace Duban.Data.Import;

/// <summary>Takes audit entries. The import hands them over inside its transaction, so they are stored with the change or not at all.</summary>
public interface IAuditWriter
{
    void Write(AuditEntry entry);
}

/// <summary>Adds entries to the same <see cref="DubanDbContext"/> the change is made in; the caller's SaveChanges stores both.</summary>
public sealed class DbContextAuditWriter(DubanDbContext db) : IAuditWriter
{
    public void Write(AuditEntry entry) => db.AuditEntries.Add(entry);
}
