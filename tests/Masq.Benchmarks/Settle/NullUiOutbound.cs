using Masq.Daemon.Ui;
using Masq.Lib.Ui;

namespace Masq.Benchmarks.Settle;

/// <summary>A UI outbound with no clients: the settle benchmark's Nodes have no UI.</summary>
internal sealed class NullUiOutbound : IUiOutbound
{
    public Task SendAsync(ulong clientId, UiEnvelope message) => Task.CompletedTask;

    public Task BroadcastAsync(UiEnvelope message, ulong? exceptClientId = null) => Task.CompletedTask;

    public void DisconnectAll()
    {
    }
}
