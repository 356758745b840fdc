using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Localnet;

/// <summary>The few UI conversations <c>localnet</c> has with its Nodes, each on a connection of its own.</summary>
internal static class LocalnetNodeUi
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    public static Task<bool> IsServingAsync(int uiPort, CancellationToken cancellationToken) =>
        UiClient.ProbeAsync(uiPort, TimeSpan.FromMilliseconds(500), cancellationToken: cancellationToken);

    /// <returns>The Node's descriptor, or null when it has none yet or cannot be asked.</returns>
    public static async Task<string?> DescriptorAsync(int uiPort, CancellationToken cancellationToken)
    {
        try
        {
            var client = await UiClient.ConnectAsync(uiPort, ConnectTimeout, cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                var response = await client.TransactAsync<UiDescriptorRequest, UiDescriptorResponse>(new UiDescriptorRequest(), CallTimeout, cancellationToken).ConfigureAwait(false);
                return string.IsNullOrEmpty(response.NodeDescriptorOpt) ? null : response.NodeDescriptorOpt;
            }
        }
        catch (Exception e) when (IsUiFailure(e))
        {
            return null;
        }
    }

    /// <returns>The addresses the Node pays from and earns into, or null when it cannot be asked.</returns>
    public static async Task<UiWalletAddressesResponse?> WalletAddressesAsync(int uiPort, string dbPassword, CancellationToken cancellationToken)
    {
        try
        {
            var client = await UiClient.ConnectAsync(uiPort, ConnectTimeout, cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                return await client.TransactAsync<UiWalletAddressesRequest, UiWalletAddressesResponse>(new UiWalletAddressesRequest(dbPassword), CallTimeout, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (IsUiFailure(e))
        {
            return null;
        }
    }

    /// <returns>The Node's connection stage, or null when it cannot be asked.</returns>
    public static async Task<UiConnectionStage?> ConnectionStageAsync(int uiPort, CancellationToken cancellationToken)
    {
        try
        {
            var client = await UiClient.ConnectAsync(uiPort, ConnectTimeout, cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                var response = await client.TransactAsync<UiConnectionStatusRequest, UiConnectionStatusResponse>(new UiConnectionStatusRequest(), CallTimeout, cancellationToken).ConfigureAwait(false);
                return response.Stage;
            }
        }
        catch (Exception e) when (IsUiFailure(e))
        {
            return null;
        }
    }

    /// <summary>Sends <c>shutdown</c>; the Node answers nothing and exits, so only whether it was sent matters.</summary>
    /// <returns>True when the message went out.</returns>
    public static async Task<bool> ShutdownAsync(int uiPort, CancellationToken cancellationToken)
    {
        try
        {
            var client = await UiClient.ConnectAsync(uiPort, ConnectTimeout, cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                try
                {
                    await client.TransactAsync<UiShutdownRequest, UiShutdownRequest>(new UiShutdownRequest(), TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (IsUiFailure(e))
                {
                    // The normal outcome: the Node drops the connection (or answers nothing) as it exits.
                }
                return true;
            }
        }
        catch (Exception e) when (IsUiFailure(e))
        {
            return false;
        }
    }

    private static bool IsUiFailure(Exception e) =>
        e is UiConnectException or UiCallException or UiConnectionLostException or UiProtocolException
            or IOException or InvalidOperationException or System.Net.WebSockets.WebSocketException
            or TimeoutException;
}
