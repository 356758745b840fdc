using System.Threading.Channels;
using Masq.Daemon.Ui;
using Masq.Lib.Ui;

namespace Masq.Node.Tests.Wallets;

/// <summary>The UI hub seam: records what actors send, and lets a test wait for the next message.</summary>
internal sealed class RecordingOutbound : IUiOutbound
{
    private readonly Channel<(ulong? ClientId, UiEnvelope Message)> _sent = Channel.CreateUnbounded<(ulong?, UiEnvelope)>();

    public List<UiEnvelope> Broadcasts { get; } = [];

    public Task SendAsync(ulong clientId, UiEnvelope message)
    {
        _sent.Writer.TryWrite((clientId, message));
        return Task.CompletedTask;
    }

    public Task BroadcastAsync(UiEnvelope message, ulong? exceptClientId = null)
    {
        lock (Broadcasts)
        {
            Broadcasts.Add(message);
        }
        _sent.Writer.TryWrite((null, message));
        return Task.CompletedTask;
    }

    public void DisconnectAll()
    {
    }

    /// <summary>The next message sent to one client (broadcasts are skipped).</summary>
    public async Task<UiEnvelope> NextReplyAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var (clientId, message) = await _sent.Reader.ReadAsync(cts.Token);
            if (clientId is not null)
            {
                return message;
            }
        }
    }

    /// <summary>True when no reply arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> NoReplyWithinAsync(TimeSpan wait)
    {
        try
        {
            await NextReplyAsync(wait);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }
}
