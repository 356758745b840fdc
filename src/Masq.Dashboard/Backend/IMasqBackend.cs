using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Backend;

/// <summary>
/// The dashboard's only way to the Daemon and the Node: typed UI-protocol calls. The real implementation also keeps
/// the connection (reconnecting with backoff) and feeds broadcasts into the <see cref="State.NodeStateStore"/>; tests use
/// a hand-written fake.
/// </summary>
/// <remarks>
/// Failures surface as the UI client's exceptions: <see cref="Lib.Ui.Client.UiCallException"/> for an error answer or a
/// timeout, <see cref="Lib.Ui.Client.UiConnectionLostException"/> when the Daemon or Node connection is down or closes,
/// <see cref="Lib.Ui.Client.UiConnectException"/> when a redirect could not be followed, and
/// <see cref="Lib.Ui.UiProtocolException"/> for an answer that cannot be read.
/// </remarks>
public interface IMasqBackend
{
    /// <summary>Changes (or, with no values, reads) the Daemon's setup. The answer is also put into the store, marked as
    /// coming from <paramref name="tabId"/>.</summary>
    Task<UiSetupResponse> SetupAsync(IReadOnlyList<UiSetupRequestValue> values, string? tabId, CancellationToken cancellationToken);

    /// <summary>Asks the Daemon to launch the Node; tracks the Node as starting, then running.</summary>
    Task<UiStartResponse> StartNodeAsync(CancellationToken cancellationToken);

    /// <summary>Orders the Node to exit. Completes when the Node's connection closes, which is how the Node obeys.</summary>
    Task ShutdownNodeAsync(CancellationToken cancellationToken);

    Task<UiDescriptorResponse> GetDescriptorAsync(CancellationToken cancellationToken);

    Task<UiConnectionStatusResponse> GetConnectionStatusAsync(CancellationToken cancellationToken);

    /// <summary>The Node's configuration; secrets are included only with the right password and must never be rendered.</summary>
    Task<UiConfigurationResponse> GetConfigurationAsync(string? dbPassword, CancellationToken cancellationToken);

    Task<bool> CheckPasswordAsync(string? dbPassword, CancellationToken cancellationToken);

    Task ChangePasswordAsync(string? oldPassword, string newPassword, CancellationToken cancellationToken);

    Task<UiGenerateWalletsResponse> GenerateWalletsAsync(UiGenerateWalletsRequest request, CancellationToken cancellationToken);

    Task RecoverWalletsAsync(UiRecoverWalletsRequest request, CancellationToken cancellationToken);

    Task<UiWalletAddressesResponse> GetWalletAddressesAsync(string dbPassword, CancellationToken cancellationToken);

    Task<UiFinancialsResponse> GetFinancialsAsync(UiFinancialsRequest request, CancellationToken cancellationToken);

    /// <summary>Runs a scan. A scan that cannot start gets no answer from the Node (only a log line), so this times out.</summary>
    Task ScanAsync(UiScanType scanType, CancellationToken cancellationToken);

    Task<UiExitLocationResponse> SetExitLocationAsync(UiExitLocationRequest request, CancellationToken cancellationToken);

    Task<UiNeighborhoodGraphResponse> GetNeighborhoodGraphAsync(CancellationToken cancellationToken);

    /// <summary>Changes <c>gas-price</c>, <c>min-hops</c> or <c>start-block</c> while the Node runs.</summary>
    Task SetConfigurationAsync(string name, string value, CancellationToken cancellationToken);
}
