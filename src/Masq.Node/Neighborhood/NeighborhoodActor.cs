using Masq.Daemon.Ui;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Actors;
using Masq.Node.Ui;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Neighborhood;

/// <summary>The Neighborhood's UI duties: connection status now and its broadcast on every change.</summary>
internal sealed class NeighborhoodActor : Actor<UiRequest>, IUiRequestHandler
{
    private static readonly string[] HandledOpcodes = [Opcodes.ConnectionStatus];
    private readonly ConnectionProgress _progress;
    private readonly IUiOutbound _outbound;

    public NeighborhoodActor(ConnectionProgress progress, IUiOutbound outbound, NodeFailure failure, ILogger<NeighborhoodActor> logger)
        : base("NEIGHBORHOOD", failure, logger)
    {
        _progress = progress;
        _outbound = outbound;
        _progress.Changed += stage => _ = _outbound.BroadcastAsync(UiEnvelope.From(new UiConnectionChangeBroadcast(stage)));
    }

    public IReadOnlyCollection<string> UiOpcodes => HandledOpcodes;

    public ValueTask PostUiAsync(UiRequest request, CancellationToken cancellationToken) => PostAsync(request, cancellationToken);

    protected override async ValueTask HandleAsync(UiRequest message, CancellationToken cancellationToken)
    {
        if (message.Envelope.IsConversational)
        {
            await _outbound.SendAsync(message.ClientId, message.Envelope.Reply(new UiConnectionStatusResponse(_progress.Stage))).ConfigureAwait(false);
        }
    }
}
