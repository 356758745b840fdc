using Masq.Node.Networking;
using Masq.Node.Protocol;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Hopper;

/// <summary>
/// What a Node does with gossip while no Neighborhood that speaks gossip is composed in: it says so and drops it.
/// The Neighborhood registers its own <see cref="IGossipSink"/>, which replaces this one.
/// </summary>
internal sealed partial class UnhandledGossipSink(ILogger<UnhandledGossipSink> logger) : IGossipSink
{
    public ValueTask ReceiveAsync(ExpiredCoresPackage<MessageType> package, CancellationToken cancellationToken)
    {
        LogDropped(package.Payload.Variant, package.ImmediateNeighbor?.ToString() ?? "this Node");
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = DataPathEventIds.GossipDropped, Level = LogLevel.Warning, Message = "{Variant} from {Source} dropped: this Node's Neighborhood does not take gossip")]
    private partial void LogDropped(string variant, string source);
}
