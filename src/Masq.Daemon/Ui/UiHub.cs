using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Masq.Daemon.Ui;

/// <summary>
/// The UI protocol endpoint: one envelope per call in each direction. Unmarshal faults are answered here with the
/// reference's rules; well-formed messages go to the process's <see cref="IUiMessageHandler"/>.
/// </summary>
internal sealed class UiHub(UiClientRegistry registry, IUiMessageHandler handler, ILogger<UiHub> logger) : Hub
{
    private const int MaxBadDataEcho = 1024;

    public override Task OnConnectedAsync()
    {
        var clientId = registry.Register(Context);
        logger.LogInformation("UI client {ClientId} connected", clientId);
        handler.ClientConnected(clientId);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (registry.Unregister(Context.ConnectionId, out var clientId))
        {
            if (exception is null)
            {
                logger.LogInformation("UI client {ClientId} disconnected", clientId);
            }
            else
            {
                logger.LogInformation("UI client {ClientId} violated protocol or vanished: {Reason}", clientId, exception.Message);
            }
            handler.ClientDisconnected(clientId);
        }
        return Task.CompletedTask;
    }

    public async Task Send(string message)
    {
        if (!registry.TryGetClientId(Context.ConnectionId, out var clientId))
        {
            return;
        }
        var parse = UiEnvelope.Parse(message ?? string.Empty);
        if (parse.Envelope is { } envelope)
        {
            await handler.HandleAsync(clientId, envelope, Context.ConnectionAborted).ConfigureAwait(false);
            return;
        }
        logger.LogWarning("Unmarshal error from UI client {ClientId}: {Problem}", clientId, parse.Problem);
        var reply = !parse.IsCritical && parse.ContextId.HasValue
            ? UiEnvelope.ForError(parse.Opcode!, parse.ContextId, UiErrorCodes.Unmarshal, parse.Problem!)
            : UiEnvelope.From(new UiUnmarshalError(parse.Problem!, Truncate(message ?? string.Empty)));
        await Clients.Caller.SendAsync(UiProtocol.ClientMethod, reply.ToJson()).ConfigureAwait(false);
    }

    private static string Truncate(string text) => text.Length <= MaxBadDataEcho ? text : text[..MaxBadDataEcho];
}
