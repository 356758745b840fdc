using System.Collections.Frozen;
using Masq.Daemon.Ui;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Actors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Ui;

/// <summary>
/// The Node's side of the UI hub: routes each message to the actor that owns its opcode, handles
/// <c>shutdown</c> and the <c>crash</c> test hook, and answers an opcode nobody owns with an error instead of
/// leaving the client to time out.
/// </summary>
internal sealed partial class UiGateway : IUiMessageHandler, ICrashable
{
    private readonly FrozenDictionary<string, IUiRequestHandler> _routes;
    private readonly FrozenDictionary<string, ICrashable> _crashables;
    private readonly IUiOutbound _outbound;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly NodeFailure _failure;
    private readonly bool _crashOnMessage;
    private readonly ILogger<UiGateway> _logger;

    public UiGateway(
        IEnumerable<IUiRequestHandler> handlers,
        IEnumerable<ICrashable> crashables,
        IUiOutbound outbound,
        IHostApplicationLifetime lifetime,
        NodeFailure failure,
        NodeSettings settings,
        ILogger<UiGateway> logger)
    {
        _routes = handlers.SelectMany(h => h.UiOpcodes.Select(o => (Opcode: o, Handler: h)))
            .ToFrozenDictionary(p => p.Opcode, p => p.Handler, StringComparer.Ordinal);
        _crashables = crashables.Append(this).ToFrozenDictionary(c => c.Key, StringComparer.Ordinal);
        _outbound = outbound;
        _lifetime = lifetime;
        _failure = failure;
        _crashOnMessage = settings.CrashPoint == CrashPoint.Message;
        _logger = logger;
    }

    public string Key => "UIGATEWAY";

    public void ClientConnected(ulong clientId)
    {
    }

    public void ClientDisconnected(ulong clientId)
    {
    }

    public async ValueTask HandleAsync(ulong clientId, UiEnvelope message, CancellationToken cancellationToken)
    {
        switch (message.Opcode)
        {
            case Opcodes.Shutdown:
                LogShutdown(clientId);
                // Clients see the connection drop at once; the host then stops its actors and closes the database cleanly.
                _outbound.DisconnectAll();
                StopNode();
                return;
            case Opcodes.Crash:
                HandleCrash(message);
                return;
        }
        if (_routes.TryGetValue(message.Opcode, out var handler))
        {
            await handler.PostUiAsync(new UiRequest(clientId, message), cancellationToken).ConfigureAwait(false);
            return;
        }
        LogUnknownOpcode(clientId, message.Opcode);
        if (message.IsConversational)
        {
            await _outbound.SendAsync(clientId, message.ErrorReply(UiErrorCodes.Unmarshal, $"Unrecognized opcode '{message.Opcode}'")).ConfigureAwait(false);
        }
    }

    public void Crash(string panicMessage)
    {
        _failure.Record(Key, panicMessage);
        _logger.LogCritical("{Actor} crashed on request: {PanicMessage}", Key, panicMessage);
        StopNode();
    }

    /// <summary>
    /// StopApplication runs the stopping callbacks synchronously, and those wait for UI connections to end; called
    /// inside a hub invocation it would wait for itself, so it runs on its own task.
    /// </summary>
    private void StopNode() => _ = Task.Run(_lifetime.StopApplication);

    private void HandleCrash(UiEnvelope message)
    {
        if (!_crashOnMessage)
        {
            LogCrashIgnored();
            return;
        }
        if (!message.TryGetPayload<UiCrashRequest>(out var request, out var problem))
        {
            LogBadCrash(problem);
            return;
        }
        if (_crashables.TryGetValue(request.Actor.ToUpperInvariant(), out var target))
        {
            target.Crash(request.PanicMessage);
        }
        else
        {
            LogBadCrash($"no actor with key '{request.Actor}'");
        }
    }

    [LoggerMessage(EventId = UiEventIds.ShutdownOrdered, Level = LogLevel.Information, Message = "Received shutdown order from client {ClientId}: shutting down hard")]
    private partial void LogShutdown(ulong clientId);

    [LoggerMessage(EventId = UiEventIds.UnrecognizedOpcode, Level = LogLevel.Warning, Message = "UI client {ClientId} sent unrecognized opcode '{Opcode}'")]
    private partial void LogUnknownOpcode(ulong clientId, string opcode);

    [LoggerMessage(EventId = UiEventIds.CrashRequestIgnored, Level = LogLevel.Debug, Message = "Ignoring a crash request: the Node was not started with --crash-point message")]
    private partial void LogCrashIgnored();

    [LoggerMessage(EventId = UiEventIds.BadCrashRequest, Level = LogLevel.Warning, Message = "Ignoring a bad crash request: {Problem}")]
    private partial void LogBadCrash(string problem);
}
