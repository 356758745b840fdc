using System.Collections.Concurrent;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Tests.Integration;

/// <summary>
/// A scripted Daemon and Node, each behind its own <see cref="FakeUiEndpoint"/>: the Daemon keeps a setup space, starts
/// the "Node", redirects Node messages to it while it runs and answers NODE_NOT_RUNNING otherwise; the Node answers
/// the read messages from state the test controls, and exits (closing its connections) on shutdown.
/// </summary>
public sealed class FakeMasqDaemon : IAsyncDisposable
{
    public const uint ProcessId = 4242;
    public const string Descriptor = "masq://base-sepolia:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA@1.2.3.4:5678";

    private readonly ConcurrentDictionary<string, UiSetupResponseValue> _setup = new(StringComparer.Ordinal);

    private FakeMasqDaemon(FakeUiEndpoint daemon, FakeUiEndpoint node)
    {
        DaemonEndpoint = daemon;
        NodeEndpoint = node;
        foreach (var value in new[]
        {
            new UiSetupResponseValue(ParameterNames.BlockchainServiceUrl, "", SetupStatus.Required),
            new UiSetupResponseValue(ParameterNames.Chain, "base-sepolia", SetupStatus.Configured),
            new UiSetupResponseValue(ParameterNames.DbPassword, "", SetupStatus.Required),
            new UiSetupResponseValue(ParameterNames.LogLevel, "warn", SetupStatus.Default),
            new UiSetupResponseValue(ParameterNames.MinHops, "3", SetupStatus.Default),
            new UiSetupResponseValue(ParameterNames.NeighborhoodMode, "standard", SetupStatus.Default),
            new UiSetupResponseValue(ParameterNames.ProxyPort, "8118", SetupStatus.Default),
        })
        {
            _setup[value.Name] = value;
        }
        daemon.Handler = OnDaemonMessageAsync;
        node.Handler = OnNodeMessageAsync;
    }

    public FakeUiEndpoint DaemonEndpoint { get; private set; }

    public FakeUiEndpoint NodeEndpoint { get; }

    public bool Running { get; private set; }

    /// <summary>Adds or replaces a value the Daemon reports from <c>setup</c>.</summary>
    public void Preset(UiSetupResponseValue value) => _setup[value.Name] = value;

    /// <summary>What the Node reports from <c>financials</c>; tests change it to simulate traffic.</summary>
    public UiFinancialsResponse Financials { get; set; } = new(
        new UiFinancialStatistics(1_250_000_000, 3_000_000_000, 4_500_000_000, 500_000_000),
        new UiQueryResults(
            [
                new UiPayableAccount("0x2d6e0c6d8f7a6f1d6b1b8b5e0b5f0d1a2b3c4d5e", 3_600, 1_250_000_000, null),
                new UiPayableAccount("0x9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b", 120, 7_500_000, "0x5f1c0a9e3b7d2c4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e"),
            ],
            [
                new UiReceivableAccount("0x1234567890abcdef1234567890abcdef12345678", 900, 4_500_000_000),
            ]));

    public string Graph { get; set; } =
        "digraph db { \"AQIDBAUG\" [label=\"AR v1 CZ\\nAQIDBAUG\\n1.2.3.4:5678\"] [style=filled]; "
        + "\"BAUGBwgJ\" [label=\"AR v1 DE\\nBAUGBwgJ\\n5.6.7.8:1234\"]; \"CQoLDA0O\" [label=\"Ar v1 FR\\nCQoLDA0O\\n9.10.11.12:4321\"]; "
        + "\"DxAREhMU\" [label=\"ar v0 ZZ\\nDxAREhMU\\n:\"]; \"FRYXGBka\" [shape=none]; "
        + "\"AQIDBAUG\" -> \"BAUGBwgJ\"; \"BAUGBwgJ\" -> \"AQIDBAUG\"; \"AQIDBAUG\" -> \"CQoLDA0O\"; \"CQoLDA0O\" -> \"AQIDBAUG\"; "
        + "\"BAUGBwgJ\" -> \"CQoLDA0O\"; \"CQoLDA0O\" -> \"BAUGBwgJ\"; \"BAUGBwgJ\" -> \"DxAREhMU\"; \"DxAREhMU\" -> \"FRYXGBka\"; }";

    public const string ConsumingAddress = "0x7c4a1f9e2b3d5c6a8e0f1b2c3d4e5f6a7b8c9d0e";
    public const string EarningAddress = "0x0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d";

    /// <summary>A well-known BIP-39 test vector's words (not anyone's wallet).</summary>
    public static readonly string[] MnemonicWords =
        ("legal winner thank year wave sausage worth useful legal winner thank yellow "
        + "legal winner thank year wave sausage worth useful legal winner thank yellow").Split(' ');

    public bool WalletsMade { get; private set; }

    public List<UiEnvelope> ReceivedByNode { get; } = [];

    public static async Task<FakeMasqDaemon> StartAsync(bool nodeRunning = false)
    {
        var daemon = await FakeUiEndpoint.StartAsync();
        var node = await FakeUiEndpoint.StartAsync();
        return new FakeMasqDaemon(daemon, node) { Running = nodeRunning };
    }

    /// <summary>The Daemon dies: its endpoint stops and every connection to it closes.</summary>
    public Task KillDaemonAsync() => DaemonEndpoint.StopAsync();

    /// <summary>A Daemon comes back on the same port.</summary>
    public async Task RestartDaemonAsync()
    {
        var port = DaemonEndpoint.Port;
        DaemonEndpoint = await FakeUiEndpoint.StartAsync(port);
        DaemonEndpoint.Handler = OnDaemonMessageAsync;
    }

    /// <summary>The Node dies on its own: the Daemon tells every client.</summary>
    public async Task CrashNodeAsync(string reason)
    {
        Running = false;
        await DaemonEndpoint.BroadcastAsync(new UiCrashedBroadcast(ProcessId, CrashReason.Unrecognized(reason)));
    }

    public async ValueTask DisposeAsync()
    {
        await DaemonEndpoint.DisposeAsync();
        await NodeEndpoint.DisposeAsync();
    }

    private async Task OnDaemonMessageAsync(UiEnvelope envelope, string connectionId)
    {
        switch (envelope.Opcode)
        {
            case Opcodes.Setup:
                var request = envelope.GetPayload<UiSetupRequest>();
                var errors = new List<UiSetupError>();
                if (!Running)
                {
                    foreach (var value in request.Values)
                    {
                        if (value.Name == ParameterNames.LogLevel && value.Value is not (null or "off" or "error" or "warn" or "info" or "debug" or "trace"))
                        {
                            errors.Add(new UiSetupError(value.Name, $"Invalid value: {value.Value}"));
                            continue;
                        }
                        _setup[value.Name] = value.Value is null
                            ? new UiSetupResponseValue(value.Name, "", SetupStatus.Blank)
                            : new UiSetupResponseValue(value.Name, value.Name == ParameterNames.DbPassword ? new string('*', 16) : value.Value, SetupStatus.Set);
                    }
                }
                var values = _setup.Values.OrderBy(v => v.Name, StringComparer.Ordinal).ToArray();
                await DaemonEndpoint.ReplyAsync(connectionId, envelope.Reply(new UiSetupResponse(Running, values, errors)));
                break;
            case Opcodes.Start when Running:
                await DaemonEndpoint.ReplyAsync(connectionId, envelope.ErrorReply(UiErrorCodes.NodeAlreadyRunning, "Could not launch Node: already running"));
                break;
            case Opcodes.Start:
                Running = true;
                await DaemonEndpoint.ReplyAsync(connectionId, envelope.Reply(new UiStartResponse(ProcessId, (ushort)NodeEndpoint.Port)));
                break;
            case var _ when Running:
                var redirect = new UiRedirect((ushort)NodeEndpoint.Port, envelope.Opcode, envelope.ContextId, envelope.PayloadJson ?? "{}");
                await DaemonEndpoint.ReplyAsync(connectionId, UiEnvelope.From(redirect));
                break;
            case var _ when envelope.IsConversational:
                await DaemonEndpoint.ReplyAsync(connectionId, envelope.ErrorReply(UiErrorCodes.NodeNotRunning, $"Cannot handle {envelope.Opcode} request: Node is not running"));
                break;
            default:
                await DaemonEndpoint.ReplyAsync(connectionId, UiEnvelope.From(new UiUndelivered(envelope.Opcode)));
                break;
        }
    }

    private async Task OnNodeMessageAsync(UiEnvelope envelope, string connectionId)
    {
        lock (ReceivedByNode)
        {
            ReceivedByNode.Add(envelope);
        }
        switch (envelope.Opcode)
        {
            case Opcodes.ConnectionStatus:
                await NodeEndpoint.ReplyAsync(connectionId, envelope.Reply(new UiConnectionStatusResponse(UiConnectionStage.RouteFound)));
                break;
            case Opcodes.Descriptor:
                await NodeEndpoint.ReplyAsync(connectionId, envelope.Reply(new UiDescriptorResponse(Descriptor)));
                break;
            case Opcodes.Configuration:
                await NodeEndpoint.ReplyAsync(connectionId, envelope.Reply(new UiConfigurationResponse(
                    "base-sepolia", 4444, "10", 1, "standard", [],
                    new UiPaymentThresholds(21600, 1_000_000_000, 1200, 1200, 500_000_000, 500_000_000),
                    new UiRatePack(53844, 53844, 107688, 107688),
                    new UiScanIntervals(600, 600, 600))));
                break;
            case Opcodes.Financials:
                await NodeEndpoint.ReplyAsync(connectionId, envelope.Reply(Financials));
                break;
            case Opcodes.NeighborhoodGraph:
                await NodeEndpoint.ReplyAsync(connectionId, envelope.Reply(new UiNeighborhoodGraphResponse(Graph)));
                break;
            case Opcodes.Shutdown:
                // Like the Node: no reply, the process exits, the Daemon reports it.
                Running = false;
                NodeEndpoint.Abort(connectionId);
                await DaemonEndpoint.BroadcastAsync(new UiCrashedBroadcast(ProcessId, CrashReason.Unrecognized(string.Empty)));
                break;
            case Opcodes.WalletAddresses when !WalletsMade:
                await NodeEndpoint.ReplyAsync(connectionId, envelope.ErrorReply(UiErrorCodes.MissingData, "No wallets yet"));
                break;
            case Opcodes.WalletAddresses:
                await NodeEndpoint.ReplyAsync(connectionId, envelope.Reply(new UiWalletAddressesResponse(ConsumingAddress, EarningAddress)));
                break;
            case Opcodes.GenerateWallets:
                WalletsMade = true;
                var size = envelope.GetPayload<UiGenerateWalletsRequest>().SeedSpecOpt?.MnemonicPhraseSizeOpt ?? 24;
                await NodeEndpoint.ReplyAsync(connectionId, envelope.Reply(new UiGenerateWalletsResponse(
                    ConsumingAddress, new string('A', 64), EarningAddress, new string('B', 64), MnemonicWords.Take(size).ToArray())));
                break;
            case Opcodes.Scan:
                await NodeEndpoint.ReplyAsync(connectionId, envelope.Reply(new UiScanResponse()));
                break;
            case Opcodes.SetConfiguration:
                await NodeEndpoint.ReplyAsync(connectionId, envelope.Reply(new UiSetConfigurationResponse()));
                break;
            case Opcodes.ExitLocation:
                var exit = envelope.GetPayload<UiExitLocationRequest>();
                await NodeEndpoint.ReplyAsync(connectionId, envelope.Reply(new UiExitLocationResponse(
                    exit.FallbackRouting, exit.ExitLocations, [], exit.ShowCountries ? ["CZ", "DE", "FR"] : null)));
                break;
            default:
                break;
        }
    }
}
