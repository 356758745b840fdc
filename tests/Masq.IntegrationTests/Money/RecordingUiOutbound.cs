using System.Threading.Channels;
using Masq.Daemon.Ui;
using Masq.Lib.Ui;

namespace Masq.IntegrationTests.Money;

/// <summary>The UI hub seam for in-process money tests: collects replies and broadcasts.</summary>
internal sealed class RecordingUiOutbound : IUiOutbound
{
    private readonly Channel<UiEnvelope> _replies = Channel.CreateUnbounded<UiEnvelope>();

    public Task SendAsync(ulong clientId, UiEnvelope message)
    {
        _replies.Writer.TryWrite(message);
        return Task.CompletedTask;
    }

    public Task BroadcastAsync(UiEnvelope message, ulong? exceptClientId = null) => Task.CompletedTask;

    public void DisconnectAll()
    {
    }

    public async Task<UiEnvelope> NextReplyAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await _replies.Reader.ReadAsync(cts.Token);
    }
}
