using Masq.Daemon.Ui;
using Masq.Lib.Ui;

namespace Masq.Benchmarks;

/// <summary>The UI seam of <see cref="MoneyAccountantBenchmarks"/>: completes when the Accountant answers.</summary>
internal sealed class MoneyFlushProbe : IUiOutbound
{
    private TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next()
    {
        _answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _answered.Task;
    }

    public Task SendAsync(ulong clientId, UiEnvelope message)
    {
        _answered.TrySetResult();
        return Task.CompletedTask;
    }

    public Task BroadcastAsync(UiEnvelope message, ulong? exceptClientId = null) => Task.CompletedTask;

    public void DisconnectAll()
    {
    }
}
