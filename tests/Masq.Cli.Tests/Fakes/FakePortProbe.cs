using Masq.Cli.Communications;

namespace Masq.Cli.Tests.Fakes;

/// <summary>Reports a port as listening for the first <paramref name="listeningAnswers"/> probes, then as closed.</summary>
internal sealed class FakePortProbe(int listeningAnswers) : IPortProbe
{
    private int _remaining = listeningAnswers;

    public List<int> ProbedPorts { get; } = [];

    public Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        ProbedPorts.Add(port);
        return Task.FromResult(Interlocked.Decrement(ref _remaining) >= 0);
    }
}
