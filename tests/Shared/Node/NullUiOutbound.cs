using Masq.Daemon.Ui;
using Masq.Lib.Ui;

namespace Masq.Tests.Shared;

/// <summary>A UI outbound with no clients, for in-process Nodes that nobody watches.</summary>
internal sealed class NullUiOutbound : IUiOutbound
{
    public Task SendAsync(ulong clientId, UiEnvelope message) => Task.CompletedTask;

    public Task BroadcastAsync(UiEnvelope message, ulong? exceptClientId = null) => Task.CompletedTask;

    public void DisconnectAll()
    {
    }
}
