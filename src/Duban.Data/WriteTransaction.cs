using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Duban.Data;

/// <summary>
/// A write's transaction: its own, or none when the caller already opened one. A batch (a spreadsheet import) runs
/// many writes in one transaction, and then only the batch's commit or rollback counts.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? own;

    private WriteTransaction(IDbContextTransaction? own) => this.own = own;

    public static async Task<WriteTransaction> BeginAsync(DubanDbContext db, CancellationToken ct) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null);

    public Task CommitAsync(CancellationToken ct) => own?.CommitAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => own?.DisposeAsync() ?? ValueTask.CompletedTask;
}
