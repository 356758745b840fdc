using Masq.Lib.Ui.Client;

namespace Masq.Cli.Communications;

internal sealed class UiClientConnector : IUiConnector
{
    public async Task<IUiTransport> ConnectAsync(int uiPort, CancellationToken cancellationToken)
    {
        var client = await UiClient.ConnectAsync(uiPort, UiClient.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        return new UiClientTransport(client);
    }
}
