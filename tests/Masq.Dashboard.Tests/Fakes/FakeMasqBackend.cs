using Masq.Dashboard.Backend;
using Masq.Dashboard.State;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Tests.Fakes;

/// <summary>
/// A hand-written <see cref="IMasqBackend"/>: records every call and answers with the handler a test sets. Like the
/// real backend, it puts setup answers and start/shutdown outcomes into the store.
/// </summary>
internal sealed class FakeMasqBackend(NodeStateStore store) : IMasqBackend
{
    private static readonly UiCallException NotRunning =
        new(UiErrorCodes.NodeNotRunning, "Cannot handle request: Node is not running");

    public List<(string Method, object? Argument)> Calls { get; } = [];

    public Func<IReadOnlyList<UiSetupRequestValue>, UiSetupResponse> Setup { get; set; } =
        _ => new UiSetupResponse(false, [], []);

    public Func<UiStartResponse> Start { get; set; } = () => new UiStartResponse(4321, 32768);

    public Action Shutdown { get; set; } = () => { };

    public Func<UiDescriptorResponse> Descriptor { get; set; } = () => throw NotRunning;

    public Func<UiConnectionStatusResponse> ConnectionStatus { get; set; } = () => throw NotRunning;

    public Func<string?, UiConfigurationResponse> Configuration { get; set; } = _ => throw NotRunning;

    public Func<string?, bool> CheckPassword { get; set; } = _ => throw NotRunning;

    public Action<string?, string> ChangePassword { get; set; } = (_, _) => throw NotRunning;

    public Func<UiGenerateWalletsRequest, UiGenerateWalletsResponse> GenerateWallets { get; set; } = _ => throw NotRunning;

    public Action<UiRecoverWalletsRequest> RecoverWallets { get; set; } = _ => throw NotRunning;

    public Func<string, UiWalletAddressesResponse> WalletAddresses { get; set; } = _ => throw NotRunning;

    public Func<UiFinancialsRequest, UiFinancialsResponse> Financials { get; set; } = _ => throw NotRunning;

    public Action<UiScanType> Scan { get; set; } = _ => throw NotRunning;

    public Func<UiExitLocationRequest, UiExitLocationResponse> ExitLocation { get; set; } = _ => throw NotRunning;

    public Func<UiNeighborhoodGraphResponse> NeighborhoodGraph { get; set; } = () => throw NotRunning;

    public Action<string, string> SetConfiguration { get; set; } = (_, _) => throw NotRunning;

    public int CountOf(string method) => Calls.Count(c => c.Method == method);

    public T LastArgument<T>(string method) => (T)Calls.Last(c => c.Method == method).Argument!;

    public Task<UiSetupResponse> SetupAsync(IReadOnlyList<UiSetupRequestValue> values, string? tabId, CancellationToken cancellationToken) =>
        Run(nameof(SetupAsync), values, () =>
        {
            var response = Setup(values);
            store.ApplySetup(response, tabId is null ? SetupOrigin.Refresh : SetupOrigin.Tab, tabId);
            return response;
        });

    public Task<UiStartResponse> StartNodeAsync(CancellationToken cancellationToken) =>
        Run(nameof(StartNodeAsync), null, () =>
        {
            store.NodeStarting();
            try
            {
                var response = Start();
                store.NodeStarted(response);
                return response;
            }
            catch (UiCallException e)
            {
                store.NodeStartFailed(e.Message);
                throw;
            }
        });

    public Task ShutdownNodeAsync(CancellationToken cancellationToken) =>
        Run<object?>(nameof(ShutdownNodeAsync), null, () =>
        {
            store.NodeShuttingDown();
            Shutdown();
            store.NodeShutDown();
            return null;
        });

    public Task<UiDescriptorResponse> GetDescriptorAsync(CancellationToken cancellationToken) =>
        Run(nameof(GetDescriptorAsync), null, Descriptor);

    public Task<UiConnectionStatusResponse> GetConnectionStatusAsync(CancellationToken cancellationToken) =>
        Run(nameof(GetConnectionStatusAsync), null, ConnectionStatus);

    public Task<UiConfigurationResponse> GetConfigurationAsync(string? dbPassword, CancellationToken cancellationToken) =>
        Run(nameof(GetConfigurationAsync), dbPassword, () => Configuration(dbPassword));

    public Task<bool> CheckPasswordAsync(string? dbPassword, CancellationToken cancellationToken) =>
        Run(nameof(CheckPasswordAsync), dbPassword, () => CheckPassword(dbPassword));

    public Task ChangePasswordAsync(string? oldPassword, string newPassword, CancellationToken cancellationToken) =>
        Run<object?>(nameof(ChangePasswordAsync), (oldPassword, newPassword), () =>
        {
            ChangePassword(oldPassword, newPassword);
            return null;
        });

    public Task<UiGenerateWalletsResponse> GenerateWalletsAsync(UiGenerateWalletsRequest request, CancellationToken cancellationToken) =>
        Run(nameof(GenerateWalletsAsync), request, () => GenerateWallets(request));

    public Task RecoverWalletsAsync(UiRecoverWalletsRequest request, CancellationToken cancellationToken) =>
        Run<object?>(nameof(RecoverWalletsAsync), request, () =>
        {
            RecoverWallets(request);
            return null;
        });

    public Task<UiWalletAddressesResponse> GetWalletAddressesAsync(string dbPassword, CancellationToken cancellationToken) =>
        Run(nameof(GetWalletAddressesAsync), dbPassword, () => WalletAddresses(dbPassword));

    public Task<UiFinancialsResponse> GetFinancialsAsync(UiFinancialsRequest request, CancellationToken cancellationToken) =>
        Run(nameof(GetFinancialsAsync), request, () => Financials(request));

    public Task ScanAsync(UiScanType scanType, CancellationToken cancellationToken) =>
        Run<object?>(nameof(ScanAsync), scanType, () =>
        {
            Scan(scanType);
            return null;
        });

    public Task<UiExitLocationResponse> SetExitLocationAsync(UiExitLocationRequest request, CancellationToken cancellationToken) =>
        Run(nameof(SetExitLocationAsync), request, () =>
        {
            var response = ExitLocation(request);
            store.SetExitLocation(response);
            return response;
        });

    public Task<UiNeighborhoodGraphResponse> GetNeighborhoodGraphAsync(CancellationToken cancellationToken) =>
        Run(nameof(GetNeighborhoodGraphAsync), null, NeighborhoodGraph);

    public Task SetConfigurationAsync(string name, string value, CancellationToken cancellationToken) =>
        Run<object?>(nameof(SetConfigurationAsync), (name, value), () =>
        {
            SetConfiguration(name, value);
            if (name == "min-hops")
            {
                store.SetMinHopsAtRuntime(value);
            }
            return null;
        });

    private Task<T> Run<T>(string method, object? argument, Func<T> answer)
    {
        Calls.Add((method, argument));
        try
        {
            return Task.FromResult(answer());
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }
}
