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

    /// <summary>What was sent once at least <paramref name="count"/> messages were; fails after <paramref name="deadline"/>.</summary>
    public async Task<IReadOnlyList<(ulong? To, UiEnvelope Message)>> WaitForAsync(int count, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var sent = Sent;
            if (sent.Count >= count)
            {
                return sent;
            }

            Assert.True(DateTime.UtcNow < until, $"only {sent.Count} of {count} message(s) sent within {deadline.TotalSeconds:0} s");
            await Task.Delay(10);
        }
    }

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
