using Masq.Cli.Communications;
using Masq.Lib.Ui.Client;

namespace Masq.Cli.Tests.Fakes;

/// <summary>Hands out a <see cref="FakeUiTransport"/>, or fails like a port where no Daemon listens.</summary>
internal sealed class FakeConnector(FakeUiTransport? transport) : IUiConnector
{
    public List<int> Ports { get; } = [];

    public Task<IUiTransport> ConnectAsync(int uiPort, CancellationToken cancellationToken)
    {
        Ports.Add(uiPort);
        return transport is null
            ? Task.FromException<IUiTransport>(new UiConnectException($"Could not connect to 127.0.0.1:{uiPort}: Connection refused"))
            : Task.FromResult<IUiTransport>(transport);
    }
}
