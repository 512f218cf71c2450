using Microsoft.EntityFrameworkCore;

namespace Duban.Data;

/// <summary>Saving an update that carries a <c>Version</c>: another writer may have changed the row since it was read.</summary>
public static class OptimisticSave
{
    /// <summary>Saves the context's changes; false, with nothing saved, when a row's version no longer matches (someone else won).</summary>
    public static async Task<bool> SaveUnlessStaleAsync(this DubanDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
