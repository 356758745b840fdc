using Masq.Daemon.Ui;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Actors;
using Masq.Node.Ui;
using Microsoft.Extensions.Logging;
using Masq.Node.Crypto;
using Masq.Node.PortMapping;

namespace Masq.Node.Ui;

/// <summary>
/// The Dispatcher's UI duty: telling clients the Node's descriptor. A Node whose router got another public IP since the
/// start (its port mapping says so) is advertised there now, so the descriptor gives the new address, same ports.
/// </summary>
internal sealed class DispatcherActor(NodeIdentity identity, NodeSettings settings, PortMappingStatus portMapping, IUiOutbound outbound, NodeFailure failure, ILogger<DispatcherActor> logger)
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
        var response = new UiDescriptorResponse(Current(identity.PublicDescriptor, portMapping.Mapping)?.ToString(), settings.NeighborhoodMode.ToText());
        await outbound.SendAsync(message.ClientId, message.Envelope.Reply(response)).ConfigureAwait(false);
    }

    /// <summary>The descriptor at the router's current public IP when the mapping moved it; as it was otherwise.</summary>
    internal static NodeDescriptor? Current(NodeDescriptor? descriptor, Masq.Lib.PortMapping.MappedPort? mapping) =>
        descriptor?.NodeAddr is { } address && mapping is not null && !mapping.PublicAddress.Equals(address.Ip)
            ? new NodeDescriptor(descriptor.Chain, descriptor.PublicKey, new NodeAddr(mapping.PublicAddress, address.Ports))
            : descriptor;
}
