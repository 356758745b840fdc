using System.Threading.Channels;
using Masq.Daemon.Hosting;
using Masq.Daemon.Launcher;
using Masq.Lib.Configuration;
using Masq.Daemon.Setup;
using Masq.Daemon.Ui;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Masq.Daemon;

/// <summary>
/// The Daemon as an actor: it owns the setup space and the record of the Node it launched, answers
/// <c>setup</c> and <c>start</c>, redirects every other opcode to the running Node (or answers NODE_NOT_RUNNING),
/// and broadcasts <c>crashed</c> when the Node exits. It never opens a network connection besides its UI listener
/// and the launch probe.
/// </summary>
internal sealed partial class DaemonService(
    SetupSpace setup,
    INodeLauncher launcher,
    IUiOutbound outbound,
    DaemonAccess access,
    ILogger<DaemonService> logger) : BackgroundService, IUiMessageHandler
{
    private readonly Channel<DaemonMessage> _mailbox = Channel.CreateBounded<DaemonMessage>(
        new BoundedChannelOptions(1024) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private LaunchedNode? _node;
    private bool _setupEverApplied;

    public ValueTask HandleAsync(ulong clientId, UiEnvelope message, CancellationToken cancellationToken) =>
        _mailbox.Writer.WriteAsync(new DaemonMessage.FromUi(clientId, message), cancellationToken);

    public void ClientConnected(ulong clientId)
    {
    }

    public void ClientDisconnected(ulong clientId)
    {
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _mailbox.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                switch (message)
                {
                    case DaemonMessage.FromUi ui:
                        await HandleUiAsync(ui.ClientId, ui.Envelope, stoppingToken).ConfigureAwait(false);
                        break;
                    case DaemonMessage.NodeExited exited:
                        await HandleNodeExitAsync(exited.Exit).ConfigureAwait(false);
                        break;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One bad message must not take the Daemon down.
                LogHandlerFailure(e);
            }
        }
    }

    private async Task HandleUiAsync(ulong clientId, UiEnvelope envelope, CancellationToken cancellationToken)
    {
        switch (envelope.Opcode)
        {
            case Opcodes.Setup:
                await HandleSetupAsync(clientId, envelope).ConfigureAwait(false);
                break;
            case Opcodes.Start:
                await HandleStartAsync(clientId, envelope, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await HandleOtherAsync(clientId, envelope).ConfigureAwait(false);
                break;
        }
    }

    private async Task HandleSetupAsync(ulong clientId, UiEnvelope envelope)
    {
        if (!envelope.TryGetPayload<UiSetupRequest>(out var request, out var problem))
        {
            await ReplyUnmarshalAsync(clientId, envelope, problem).ConfigureAwait(false);
            return;
        }
        if (IsNodeRunning())
        {
            await outbound.SendAsync(clientId, envelope.Reply(ToResponse(true, setup.Current, []))).ConfigureAwait(false);
            return;
        }
        var refusals = new List<UiSetupError>();
        var values = new List<(string Name, string? Value)>();
        foreach (var value in request.Values)
        {
            if (value.Name == ParameterNames.RealUser && RefuseRealUser(value.Value) is { } why)
            {
                LogRealUserRefused(value.Value ?? string.Empty, why);
                refusals.Add(new UiSetupError(value.Name, why));
                continue;
            }
            values.Add((value.Name, value.Value));
        }
        var result = setup.Apply(values);
        var response = ToResponse(false, result.Values, [.. refusals, .. result.Errors.Select(e => new UiSetupError(e.Parameter, e.Reason))]);
        await outbound.SendAsync(clientId, envelope.Reply(response)).ConfigureAwait(false);
        if (result.Changed && _setupEverApplied)
        {
            await outbound.BroadcastAsync(UiEnvelope.From(response), exceptClientId: clientId).ConfigureAwait(false);
        }
        _setupEverApplied = true;
    }

    private async Task HandleStartAsync(ulong clientId, UiEnvelope envelope, CancellationToken cancellationToken)
    {
        if (IsNodeRunning())
        {
            await outbound.SendAsync(clientId, envelope.ErrorReply(UiErrorCodes.NodeAlreadyRunning, "Could not launch Node: already running")).ConfigureAwait(false);
            return;
        }
        var realUser = setup.Current.FirstOrDefault(e => e.Name == ParameterNames.RealUser)?.Value;
        if (RefuseRealUser(realUser) is { } refused)
        {
            LogRealUserRefused(realUser ?? string.Empty, refused);
            await outbound.SendAsync(clientId, envelope.ErrorReply(UiErrorCodes.NodeLaunch, $"Could not launch Node: {refused}")).ConfigureAwait(false);
            return;
        }
        var result = await launcher.LaunchAsync(setup.LaunchArguments(), setup.LaunchEnvironment(), OnNodeExit, cancellationToken).ConfigureAwait(false);
        if (result.Node is not { } node)
        {
            LogLaunchFailed(result.Failure!);
            await outbound.SendAsync(clientId, envelope.ErrorReply(UiErrorCodes.NodeLaunch, $"Could not launch Node: {result.Failure}")).ConfigureAwait(false);
            return;
        }
        _node = node;
        await outbound.SendAsync(clientId, envelope.Reply(new UiStartResponse((uint)node.ProcessId, (ushort)node.UiPort))).ConfigureAwait(false);
    }

    private async Task HandleOtherAsync(ulong clientId, UiEnvelope envelope)
    {
        if (IsNodeRunning())
        {
            var redirect = new UiRedirect((ushort)_node!.UiPort, envelope.Opcode, envelope.ContextId, envelope.PayloadJson ?? "{}");
            await outbound.SendAsync(clientId, UiEnvelope.From(redirect)).ConfigureAwait(false);
            return;
        }
        var reply = envelope.IsConversational
            ? envelope.ErrorReply(UiErrorCodes.NodeNotRunning, $"Cannot handle {envelope.Opcode} request: Node is not running")
            : UiEnvelope.From(new UiUndelivered(envelope.Opcode));
        await outbound.SendAsync(clientId, reply).ConfigureAwait(false);
    }

    private async Task HandleNodeExitAsync(NodeExit exit)
    {
        if (_node is null || _node.ProcessId != exit.ProcessId)
        {
            return;
        }
        _node = null;
        var reason = CrashReasons.From(exit);
        LogNodeExited(exit.ProcessId, exit.ExitCode);
        await outbound.BroadcastAsync(UiEnvelope.From(new UiCrashedBroadcast((uint)exit.ProcessId, reason))).ConfigureAwait(false);
    }

    private void OnNodeExit(NodeExit exit)
    {
        if (!_mailbox.Writer.TryWrite(new DaemonMessage.NodeExited(exit)))
        {
            _ = _mailbox.Writer.WriteAsync(new DaemonMessage.NodeExited(exit)).AsTask();
        }
    }

    /// <summary>A pid must be recorded and the OS must report it alive; a vanished Node is cleared silently.</summary>
    private bool IsNodeRunning()
    {
        if (_node is null)
        {
            return false;
        }
        if (_node.IsAlive())
        {
            return true;
        }
        _node = null;
        return false;
    }

    /// <summary>Why a Node must not run as <paramref name="text"/> (a real-user value; empty parts as the Node fills them), or null.</summary>
    private string? RefuseRealUser(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            text = "::";
        }
        if (!RealUser.TryParse(text, out var given, out _))
        {
            return null; // The setup space reports the malformed value itself.
        }
        var populated = given.Populate(HostFacts.CaptureEnvironment(), HostFacts.Capture());
        return RootPolicy.RefuseRealUser(populated, access.EntitledUid, access.AllowRoot, UnixAccounts.GroupsOf);
    }

    private static UiSetupResponse ToResponse(bool running, IEnumerable<SetupEntry> values, IReadOnlyList<UiSetupError> errors) =>
        new(running,
            values.OrderBy(v => v.Name, StringComparer.Ordinal)
                .Select(v => new UiSetupResponseValue(v.Name, SetupSpace.CensorValue(v.Name, v.Value ?? string.Empty), v.Status, v.Source))
                .ToList(),
            errors);

    private Task ReplyUnmarshalAsync(ulong clientId, UiEnvelope envelope, string problem) =>
        outbound.SendAsync(clientId, envelope.IsConversational
            ? envelope.ErrorReply(UiErrorCodes.Unmarshal, problem)
            : UiEnvelope.From(new UiUnmarshalError(problem, envelope.ToJson())));

    [LoggerMessage(EventId = DaemonEventIds.MessageFailed, Level = LogLevel.Error, Message = "The Daemon failed to handle a message")]
    private partial void LogHandlerFailure(Exception exception);

    [LoggerMessage(EventId = DaemonEventIds.LaunchFailed, Level = LogLevel.Warning, Message = "Could not launch Node: {Failure}")]
    private partial void LogLaunchFailed(string failure);

    [LoggerMessage(EventId = DaemonEventIds.RealUserRefused, Level = LogLevel.Warning, Message = "Refused real-user '{RealUser}': {Why}")]
    private partial void LogRealUserRefused(string realUser, string why);

    [LoggerMessage(EventId = DaemonEventIds.NodeTerminated, Level = LogLevel.Warning, Message = "Node in process {ProcessId} terminated with exit code {ExitCode}")]
    private partial void LogNodeExited(int processId, int exitCode);
}
