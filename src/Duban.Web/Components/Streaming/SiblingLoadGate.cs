namespace Duban.Web.Components.Streaming;

/// <summary>
/// One load at a time on the request's DbContext for components drawn side by side. A component is drawn before its
/// OnInitializedAsync completes, and its siblings start theirs as soon as it awaits: on PostgreSQL, where a query
/// really waits, two panels of one page (the plan reader's 跟踪起算 panel, 添加任务 and 承接 links) queried the one
/// context at once and the page failed (EF Core: "A second operation was started on this context"). SQLite's queries
/// complete before they return, so only PostgreSQL showed it (Layout/PagesOnPostgresTests).
/// </summary>
public sealed class SiblingLoadGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Waits for the siblings' loads before this one; dispose the result when the load is done.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    public void Dispose() => gate.Dispose();

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) gate.Release();
        }
    }
}
