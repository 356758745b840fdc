using Masq.Daemon.Ui;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Actors;
using Masq.Node.Ui;
using Microsoft.Extensions.Logging;
using Masq.Node.Crypto;

namespace Masq.Node.Ui;

/// <summary>The Dispatcher's UI duty: telling clients the Node's descriptor.</summary>
internal sealed class DispatcherActor(NodeIdentity identity, NodeSettings settings, IUiOutbound outbound, NodeFailure failure, ILogger<DispatcherActor> logger)
    : Actor<UiRequest>("DISPATCHER", failure, logger), IUiRequestHandler
{
    private static readonly string[] HandledOpcodes = [Opcodes.Descriptor];

    public IReadOnlyCollection<string> UiOpcodes => HandledOpcodes;

    public ValueTask PostUiAsync(UiRequest request, CancellationToken cancellationToken) => PostAsync(request, cancellationToken);

    protected override async ValueTask HandleAsync(UiRequest message, CancellationToken cancellationToken)
    {
        if (!message.Envelope.IsConversational)
        {
            return;
        }
        var response = new UiDescriptorResponse(identity.PublicDescriptor?.ToString(), settings.NeighborhoodMode.ToText());
        await outbound.SendAsync(message.ClientId, message.Envelope.Reply(response)).ConfigureAwait(false);
    }
}
