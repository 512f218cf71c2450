namespace Duban.Web.Dashboard;

/// <summary>
/// Lets concurrent requests for the same expensive read share one computation, without ever answering a request
/// with figures older than the request: a request joins only a computation that starts after it arrived. While one
/// computation runs, every request that comes in waits for the next one, which starts when the running one ends and
/// serves them all. So at most one computation per key runs at a time, and each answer includes every write committed
/// before its request was made, as if the request had computed it alone. Nothing is kept once no request waits.
/// </summary>
public sealed class RequestCoalescer<TKey, TValue> where TKey : notnull
{
    private readonly object gate = new();
    private readonly Dictionary<TKey, Slot> slots = [];

    private sealed class Slot
    {
        public Func<Task<TValue>>? NextCompute;
        public TaskCompletionSource<TValue>? Next;
    }

    /// <summary>The value for <paramref name="key"/>, computed by <paramref name="compute"/> or by a computation that began after this call.</summary>
    /// <param name="compute">Must not depend on the caller beyond the key (another caller's computation may answer).</param>
    /// <param name="ct">Stops this caller's waiting only: the shared computation goes on for the others.</param>
    public Task<TValue> GetAsync(TKey key, Func<Task<TValue>> compute, CancellationToken ct)
    {
        lock (gate)
        {
            if (slots.TryGetValue(key, out var slot))
            {
                // A computation is under way: it began before this request and may miss a write the request must see.
                slot.Next ??= new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
                slot.NextCompute ??= compute;
                return slot.Next.Task.WaitAsync(ct);
            }
            slots[key] = new Slot();
        }
        return Start(key, compute).WaitAsync(ct);
    }

    private async Task<TValue> Start(TKey key, Func<Task<TValue>> compute)
    {
        try
        {
            return await compute();
        }
        finally
        {
            Func<Task<TValue>>? nextCompute = null;
            TaskCompletionSource<TValue>? next = null;
            lock (gate)
            {
                var slot = slots[key];
                if (slot.Next is null) slots.Remove(key);
                else
                {
                    (next, nextCompute) = (slot.Next, slot.NextCompute);
                    slots[key] = new Slot();
                }
            }
            if (next is not null) _ = Forward(key, nextCompute!, next);
        }
    }

    private async Task Forward(TKey key, Func<Task<TValue>> compute, TaskCompletionSource<TValue> waiting)
    {
        try
        {
            waiting.SetResult(await Start(key, compute));
        }
        catch (Exception e)
        {
            waiting.SetException(e);
        }
    }
}
