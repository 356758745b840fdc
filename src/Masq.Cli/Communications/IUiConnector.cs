namespace Masq.Cli.Communications;

/// <summary>Opens the connection to the Daemon (or a Node) on a UI port.</summary>
internal interface IUiConnector
{
    /// <exception cref="Masq.Lib.Ui.Client.UiConnectException">Nothing answered on the port.</exception>
    Task<IUiTransport> ConnectAsync(int uiPort, CancellationToken cancellationToken);
}
