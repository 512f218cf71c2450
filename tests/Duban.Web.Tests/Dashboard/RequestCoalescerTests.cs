using Duban.Web.Dashboard;

namespace Duban.Web.Tests.Dashboard;

public sealed class RequestCoalescerTests
{
    [Fact]
    public async Task Requests_made_while_a_computation_runs_share_the_next_one_and_never_get_the_running_ones_result()
    {
        var coalescer = new RequestCoalescer<string, int>();
        var computations = 0;
        var gates = new List<TaskCompletionSource<int>>();
        Func<Task<int>> Compute() => () =>
        {
            var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (gates) gates.Add(gate);
            Interlocked.Increment(ref computations);
            return gate.Task;
        };

        var first = coalescer.GetAsync("province", Compute(), CancellationToken.None);
        var second = coalescer.GetAsync("province", Compute(), CancellationToken.None);
        var third = coalescer.GetAsync("province", Compute(), CancellationToken.None);
        computations.ShouldBe(1);

        gates[0].SetResult(1);
        (await first).ShouldBe(1);
        // The second and third asked after the first computation began: they wait for one that begins after them.
        await WaitUntil(() => Volatile.Read(ref computations) == 2);
        second.IsCompleted.ShouldBeFalse();
        gates[1].SetResult(2);
        (await second).ShouldBe(2);
        (await third).ShouldBe(2);
        computations.ShouldBe(2);
    }

    [Fact]
    public async Task Different_keys_do_not_wait_for_each_other_and_a_later_request_computes_anew()
    {
        var coalescer = new RequestCoalescer<string, int>();
        var calls = 0;

        (await coalescer.GetAsync("a", () => Task.FromResult(Interlocked.Increment(ref calls)), CancellationToken.None)).ShouldBe(1);
        (await coalescer.GetAsync("a", () => Task.FromResult(Interlocked.Increment(ref calls)), CancellationToken.None)).ShouldBe(2);
        var blocked = new TaskCompletionSource<int>();
        var a = coalescer.GetAsync("a", () => blocked.Task, CancellationToken.None);
        (await coalescer.GetAsync("b", () => Task.FromResult(7), CancellationToken.None)).ShouldBe(7);
        blocked.SetResult(3);
        (await a).ShouldBe(3);
    }

    [Fact]
    public async Task A_failed_computation_fails_its_callers_and_the_waiting_ones_still_get_their_own()
    {
        var coalescer = new RequestCoalescer<string, int>();
        var failing = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = coalescer.GetAsync("k", () => failing.Task, CancellationToken.None);
        var waiting = coalescer.GetAsync("k", () => Task.FromResult(5), CancellationToken.None);
        failing.SetException(new InvalidOperationException("数据库不可用"));

        await Should.ThrowAsync<InvalidOperationException>(first);
        (await waiting).ShouldBe(5);
    }

    [Fact]
    public async Task A_cancelled_caller_stops_waiting_but_the_others_get_the_value()
    {
        var coalescer = new RequestCoalescer<string, int>();
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();

        var cancelled = coalescer.GetAsync("k", () => gate.Task, cancel.Token);
        var other = coalescer.GetAsync("k", () => Task.FromResult(9), CancellationToken.None);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(cancelled);
        gate.SetResult(1);
        (await other).ShouldBe(9);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        condition().ShouldBeTrue();
    }
}
