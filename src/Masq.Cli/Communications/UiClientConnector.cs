using Masq.Lib.Ui.Client;

namespace Masq.Cli.Communications;

internal sealed class UiClientConnector : IUiConnector
{
    /// <summary>
    /// How long the Daemon may take to accept the connection. The reference allows 500 ms, but here that window also
    /// pays for JIT-compiling the connection code in a cold process, which on a loaded machine alone can exceed it;
    /// a port where nothing listens is refused at once whatever the timeout.
    /// </summary>
    public static readonly TimeSpan DaemonConnectTimeout = TimeSpan.FromSeconds(3);

    public async Task<IUiTransport> ConnectAsync(int uiPort, CancellationToken cancellationToken)
    {
        var client = await UiClient.ConnectAsync(uiPort, DaemonConnectTimeout, cancellationToken).ConfigureAwait(false);
        return new UiClientTransport(client);
    }
}
