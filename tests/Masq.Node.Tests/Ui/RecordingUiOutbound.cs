using Masq.Daemon.Ui;
using Masq.Lib.Ui;

namespace Masq.Node.Tests.Ui;

/// <summary>A hand-written IUiOutbound that records what would have gone to UI clients.</summary>
internal sealed class RecordingUiOutbound : IUiOutbound
{
    private readonly List<(ulong? To, UiEnvelope Message)> _sent = [];

    public IReadOnlyList<(ulong? To, UiEnvelope Message)> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public int Disconnects { get; private set; }

    public Task SendAsync(ulong clientId, UiEnvelope message)
    {
        lock (_sent)
        {
            _sent.Add((clientId, message));
        }
        return Task.CompletedTask;
    }

    public Task BroadcastAsync(UiEnvelope message, ulong? exceptClientId = null)
    {
        lock (_sent)
        {
            _sent.Add((null, message));
        }
        return Task.CompletedTask;
    }

    public void DisconnectAll() => Disconnects++;
}
