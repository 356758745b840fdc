using Masq.Dashboard.Hosting;
using Masq.Dashboard.Model;
using Masq.Dashboard.State;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;
using Microsoft.Extensions.Options;

namespace Masq.Dashboard.Backend;

/// <summary>
/// The dashboard's UI client: one <see cref="UiClient"/> to the Daemon (following redirects to the Node, as
/// <c>masq</c> does), shared by every tab. Reconnects with backoff when the Daemon goes away, tracks the Node's state
/// and feeds broadcasts into the <see cref="NodeStateStore"/>.
/// </summary>
internal sealed class UiClientBackend : BackgroundService, IMasqBackend
{
    private static readonly TimeSpan DaemonConnectTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan NodeLostRecheckDelay = TimeSpan.FromSeconds(1);

    /// <summary>How often the Daemon is asked whether a Node that is not known to run has been started by another client.</summary>
    private static readonly TimeSpan RunningCheckInterval = TimeSpan.FromSeconds(1);

    private readonly NodeStateStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<UiClientBackend> _logger;
    private readonly int _daemonPort;
    private volatile UiClient? _client;
    private volatile bool _direct;
    private CancellationToken _stopping;

    public UiClientBackend(NodeStateStore store, IOptions<DashboardOptions> options, TimeProvider time, ILogger<UiClientBackend> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _daemonPort = options.Value.DaemonUiPort;
    }

    public async Task<UiSetupResponse> SetupAsync(IReadOnlyList<UiSetupRequestValue> values, string? tabId, CancellationToken cancellationToken)
    {
        var response = await CallAsync<UiSetupRequest, UiSetupResponse>(new UiSetupRequest(values), UiTimeouts.Setup, cancellationToken);
        _store.ApplySetup(response, tabId is null ? SetupOrigin.Refresh : SetupOrigin.Tab, tabId);
        return response;
    }

    public async Task<UiStartResponse> StartNodeAsync(CancellationToken cancellationToken)
    {
        _store.NodeStarting();
        try
        {
            var response = await CallAsync<UiStartRequest, UiStartResponse>(new UiStartRequest(), UiTimeouts.Start, cancellationToken);
            _store.NodeStarted(response);
            return response;
        }
        catch (Exception e) when (e is UiCallException or UiConnectionLostException or UiProtocolException or OperationCanceledException)
        {
            _store.NodeStartFailed(UiText.DescribeError(e));
            if (e is UiCallException { Code: UiErrorCodes.NodeAlreadyRunning })
            {
                _ = RefreshSetupAsync();
            }
            throw;
        }
    }

    public async Task ShutdownNodeAsync(CancellationToken cancellationToken)
    {
        var client = Client;
        var previous = _store.Node.State;
        _store.NodeShuttingDown();
        try
        {
            var answer = await client.TransactAsync(UiEnvelope.From(new UiShutdownRequest()), UiTimeouts.Shutdown, cancellationToken);
            if (answer.Error is { } error)
            {
                throw new UiCallException(error.Code, error.Message);
            }
            // The reference Node never answers; if one does, wait for the Daemon's crashed broadcast to confirm the exit.
        }
        catch (UiConnectionLostException e) when (e.WasNode)
        {
            _store.NodeShutDown();
        }
        catch (UiCallException e) when (e.Code == UiErrorCodes.NodeNotRunning)
        {
            _store.NodeNotRunning();
            throw;
        }
        catch (Exception e) when (e is UiCallException or UiConnectionLostException or UiConnectException or UiProtocolException or InvalidOperationException)
        {
            if (previous == NodeRunState.Running)
            {
                _ = RefreshSetupAsync();
            }
            throw Normalize(e);
        }
    }

    public Task<UiDescriptorResponse> GetDescriptorAsync(CancellationToken cancellationToken) =>
        CallAsync<UiDescriptorRequest, UiDescriptorResponse>(new UiDescriptorRequest(), UiTimeouts.NodeRead, cancellationToken);

    public Task<UiConnectionStatusResponse> GetConnectionStatusAsync(CancellationToken cancellationToken) =>
        CallAsync<UiConnectionStatusRequest, UiConnectionStatusResponse>(new UiConnectionStatusRequest(), UiTimeouts.NodeRead, cancellationToken);

    public Task<UiConfigurationResponse> GetConfigurationAsync(string? dbPassword, CancellationToken cancellationToken) =>
        CallAsync<UiConfigurationRequest, UiConfigurationResponse>(new UiConfigurationRequest(dbPassword), UiTimeouts.NodeRead, cancellationToken);

    public async Task<bool> CheckPasswordAsync(string? dbPassword, CancellationToken cancellationToken) =>
        (await CallAsync<UiCheckPasswordRequest, UiCheckPasswordResponse>(new UiCheckPasswordRequest(dbPassword), UiTimeouts.NodeRead, cancellationToken)).Matches;

    public Task ChangePasswordAsync(string? oldPassword, string newPassword, CancellationToken cancellationToken) =>
        CallAsync<UiChangePasswordRequest, UiChangePasswordResponse>(new UiChangePasswordRequest(newPassword, oldPassword), UiTimeouts.Wallets, cancellationToken);

    public Task<UiGenerateWalletsResponse> GenerateWalletsAsync(UiGenerateWalletsRequest request, CancellationToken cancellationToken) =>
        CallAsync<UiGenerateWalletsRequest, UiGenerateWalletsResponse>(request, UiTimeouts.Wallets, cancellationToken);

    public Task RecoverWalletsAsync(UiRecoverWalletsRequest request, CancellationToken cancellationToken) =>
        CallAsync<UiRecoverWalletsRequest, UiRecoverWalletsResponse>(request, UiTimeouts.Wallets, cancellationToken);

    public Task<UiWalletAddressesResponse> GetWalletAddressesAsync(string dbPassword, CancellationToken cancellationToken) =>
        CallAsync<UiWalletAddressesRequest, UiWalletAddressesResponse>(new UiWalletAddressesRequest(dbPassword), UiTimeouts.Wallets, cancellationToken);

    public Task<UiFinancialsResponse> GetFinancialsAsync(UiFinancialsRequest request, CancellationToken cancellationToken) =>
        CallAsync<UiFinancialsRequest, UiFinancialsResponse>(request, UiTimeouts.NodeRead, cancellationToken);

    public Task ScanAsync(UiScanType scanType, CancellationToken cancellationToken) =>
        CallAsync<UiScanRequest, UiScanResponse>(new UiScanRequest(scanType), UiTimeouts.Scan, cancellationToken);

    public async Task<UiExitLocationResponse> SetExitLocationAsync(UiExitLocationRequest request, CancellationToken cancellationToken)
    {
        var response = await CallAsync<UiExitLocationRequest, UiExitLocationResponse>(request, UiTimeouts.NodeRead, cancellationToken);
        _store.SetExitLocation(response);
        return response;
    }

    public Task<UiNeighborhoodGraphResponse> GetNeighborhoodGraphAsync(CancellationToken cancellationToken) =>
        CallAsync<UiNeighborhoodGraphRequest, UiNeighborhoodGraphResponse>(new UiNeighborhoodGraphRequest(), UiTimeouts.NodeRead, cancellationToken);

    public async Task SetConfigurationAsync(string name, string value, CancellationToken cancellationToken)
    {
        await CallAsync<UiSetConfigurationRequest, UiSetConfigurationResponse>(new UiSetConfigurationRequest(name, value), UiTimeouts.NodeRead, cancellationToken);
        if (name == Masq.Lib.Configuration.ParameterNames.MinHops)
        {
            _store.SetMinHopsAtRuntime(value);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));
        var everConnected = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            _store.SetDaemon(everConnected ? DaemonLinkStatus.Lost : DaemonLinkStatus.Connecting, _store.Daemon.Problem);
            UiClient client;
            try
            {
                client = await UiClient.ConnectAsync(_daemonPort, DaemonConnectTimeout, stoppingToken);
            }
            catch (UiConnectException e)
            {
                var delay = backoff.Next();
                _store.SetDaemon(DaemonLinkStatus.Unreachable, $"No Daemon answers on port {_daemonPort} ({e.Message}).", _time.GetUtcNow() + delay);
                if (!await DelayAsync(delay, stoppingToken))
                {
                    return;
                }
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff.Reset();
            var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            client.MessageReceived += OnMessage;
            client.NodeLost += OnNodeLost;
            client.DaemonLost += () => lost.TrySetResult();
            if (!client.IsDaemonConnected)
            {
                lost.TrySetResult();
            }
            _client = client;
            _store.SetDaemon(DaemonLinkStatus.Connected);
            if (everConnected)
            {
                _store.AddNotice(NoticeKind.Info, $"Connected to the Daemon on port {_daemonPort} again.");
            }
            everConnected = true;
            _logger.LogInformation("Connected to the Daemon on port {Port}", _daemonPort);
            _direct = false;
            await LearnStateAsync();

            try
            {
                // Nobody broadcasts a start: a Node started by another client (masq start) is seen by asking.
                while (!lost.Task.IsCompleted)
                {
                    await Task.WhenAny(lost.Task, Task.Delay(RunningCheckInterval, _time, stoppingToken));
                    stoppingToken.ThrowIfCancellationRequested();
                    if (!lost.Task.IsCompleted && !_direct && _store.Node.State is NodeRunState.NotRunning or NodeRunState.Crashed or NodeRunState.Unknown)
                    {
                        await CheckRunningAsync();
                    }
                }
            }
            catch (OperationCanceledException)
            {
                _client = null;
                await client.DisposeAsync();
                return;
            }

            _client = null;
            await client.DisposeAsync();
            _logger.LogWarning("Lost the connection to the Daemon on port {Port}", _daemonPort);
            _store.AddNotice(NoticeKind.Error, $"The connection to the Daemon on port {_daemonPort} closed; reconnecting.");
            var retry = backoff.Next();
            _store.SetDaemon(DaemonLinkStatus.Lost, "The Daemon's connection closed.", _time.GetUtcNow() + retry);
            if (!await DelayAsync(retry, stoppingToken))
            {
                return;
            }
        }
    }

    private UiClient Client => _client
        ?? throw new UiConnectionLostException($"The dashboard is not connected to the Daemon on port {_daemonPort}.") { WasNode = false };

    private static Exception Normalize(Exception e) => e is InvalidOperationException
        ? new UiConnectionLostException($"The connection closed: {e.Message}", e) { WasNode = false }
        : e;

    private async Task<TResponse> CallAsync<TRequest, TResponse>(TRequest request, TimeSpan timeout, CancellationToken cancellationToken)
        where TRequest : IUiMessage
        where TResponse : IUiMessage
    {
        try
        {
            return await Client.TransactAsync<TRequest, TResponse>(request, timeout, cancellationToken);
        }
        catch (UiCallException e) when (e.Code == UiErrorCodes.NodeNotRunning)
        {
            _store.NodeNotRunning();
            throw;
        }
        catch (InvalidOperationException e)
        {
            // SignalR refuses to send on a connection that just closed.
            throw Normalize(e);
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// On every (re)connection: the Daemon's setup says whether the Node runs. A Node's hub does not know <c>setup</c>:
    /// then the dashboard was pointed at a Node directly, and that Node runs.
    /// </summary>
    private async Task LearnStateAsync()
    {
        try
        {
            await SetupAsync([], null, _stopping);
        }
        catch (UiCallException e) when (e.Code == UiErrorCodes.Unmarshal && e.Message.Contains($"'{Opcodes.Setup}'", StringComparison.Ordinal))
        {
            _direct = true;
            _logger.LogInformation("Port {Port} is a Node's UI port, not a Daemon's", _daemonPort);
            _store.NodeDirect(_daemonPort);
        }
        catch (Exception e) when (e is UiCallException or UiConnectionLostException or UiProtocolException or OperationCanceledException)
        {
            _logger.LogDebug(e, "Could not read the Daemon's setup");
        }
    }

    private async Task CheckRunningAsync()
    {
        try
        {
            var setup = await Client.TransactAsync<UiSetupRequest, UiSetupResponse>(new UiSetupRequest([]), UiTimeouts.Setup, _stopping);
            _store.ApplyRunning(setup.Running);
        }
        catch (Exception e) when (e is UiCallException or UiConnectionLostException or UiProtocolException or InvalidOperationException)
        {
            _logger.LogDebug(e, "Could not ask the Daemon whether the Node runs");
        }
    }

    private async Task RefreshSetupAsync()
    {
        try
        {
            await SetupAsync([], null, _stopping);
        }
        catch (Exception e) when (e is UiCallException or UiConnectionLostException or UiProtocolException or OperationCanceledException)
        {
            _logger.LogDebug(e, "Could not read the Daemon's setup");
        }
    }

    private void OnNodeLost()
    {
        _store.NodeConnectionLost();
        _ = RecheckAfterNodeLossAsync();
    }

    private async Task RecheckAfterNodeLossAsync()
    {
        // The Daemon broadcasts crashed when its child exits; if that broadcast is missed, its setup answer still tells.
        if (await DelayAsync(NodeLostRecheckDelay, _stopping))
        {
            await RefreshSetupAsync();
        }
    }

    private void OnMessage(UiEnvelope envelope)
    {
        switch (envelope.Opcode)
        {
            case Opcodes.Setup when envelope.TryGetPayload<UiSetupResponse>(out var setup, out _):
                _store.ApplySetup(setup, SetupOrigin.OtherClient);
                _store.AddNotice(NoticeKind.Info, "Another UI client (masq or another dashboard) changed the Daemon's setup.");
                break;
            case Opcodes.Crashed when envelope.TryGetPayload<UiCrashedBroadcast>(out var crashed, out _):
                var expected = _store.Node.State == NodeRunState.ShuttingDown
                    || _store.Node is { State: NodeRunState.NotRunning, Detail: "The Node was shut down on request." }
                    || NodeStateStore.IsCleanExit(crashed);
                _store.NodeCrashed(crashed);
                _store.AddNotice(
                    expected ? NoticeKind.Info : NoticeKind.Error,
                    expected
                        ? $"The Node (process {crashed.ProcessId}) has stopped. The Daemon is once more accepting setup changes."
                        : $"The Node running as process {crashed.ProcessId} terminated: {UiText.DescribeCrash(crashed.CrashReason)}. The Daemon is once more accepting setup changes.");
                break;
            case Opcodes.ConnectionChange when envelope.TryGetPayload<UiConnectionChangeBroadcast>(out var change, out _):
                _store.SetConnectionStage(change.Stage);
                break;
            case Opcodes.LogBroadcast when envelope.TryGetPayload<UiLogBroadcast>(out var log, out _):
                _store.AddLog(log);
                break;
            case Opcodes.NewPassword:
                _store.AddNotice(NoticeKind.Warning, "The Node's database password has changed.");
                break;
            case Opcodes.Undelivered when envelope.TryGetPayload<UiUndelivered>(out var undelivered, out _):
                _store.AddNotice(NoticeKind.Warning, $"Cannot handle {undelivered.Opcode} request: Node is not running.");
                break;
            case Opcodes.UnmarshalError when envelope.TryGetPayload<UiUnmarshalError>(out var unmarshal, out _):
                _store.AddNotice(NoticeKind.Error, $"The Daemon or Node could not read a message from the dashboard: {unmarshal.Message}");
                break;
            case Opcodes.ConfigurationChanged:
                _ = RefreshConfigurationAsync();
                break;
            case Opcodes.TrafficStats when envelope.TryGetPayload<UiTrafficStatsBroadcast>(out var traffic, out _):
                _store.AddTraffic(new TrafficReport(
                    new TrafficCounters(traffic.Consumed.BytesIn, traffic.Consumed.BytesOut),
                    new TrafficCounters(traffic.Routed.BytesIn, traffic.Routed.BytesOut),
                    new TrafficCounters(traffic.Exit.BytesIn, traffic.Exit.BytesOut)));
                break;
            default:
                _logger.LogDebug("Discarding unrecognized broadcast with opcode '{Opcode}'", envelope.Opcode);
                break;
        }
    }

    private async Task RefreshConfigurationAsync()
    {
        try
        {
            _store.SetConfiguration(await GetConfigurationAsync(null, _stopping));
        }
        catch (Exception e) when (e is UiCallException or UiConnectionLostException or UiConnectException or UiProtocolException or OperationCanceledException)
        {
            _logger.LogDebug(e, "Could not read the Node's configuration");
        }
    }
}
