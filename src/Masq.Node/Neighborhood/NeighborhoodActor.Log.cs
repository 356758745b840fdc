using System.Net;
using Masq.Node.Neighborhood.Gossip;
using Microsoft.Extensions.Logging;
using E = Masq.Node.Neighborhood.NeighborhoodEventIds;

namespace Masq.Node.Neighborhood;

internal sealed partial class NeighborhoodActor
{
    [LoggerMessage(EventId = E.Debut, Level = LogLevel.Information, Message = "Debuting to {Endpoint}")]
    private partial void LogDebut(IPEndPoint endpoint);

    [LoggerMessage(EventId = E.DebutFailed, Level = LogLevel.Warning, Message = "Could not connect to initial neighbor {Endpoint}")]
    private partial void LogDebutFailed(IPEndPoint endpoint);

    [LoggerMessage(EventId = E.NoInitialNeighbors, Level = LogLevel.Information, Message = "No neighbors to debut to; waiting for other Nodes to debut here")]
    private partial void LogNoInitialNeighbors();

    [LoggerMessage(EventId = E.UsingPastNeighbors, Level = LogLevel.Information, Message = "No --neighbors given; debuting to {Count} past neighbor(s) from the database")]
    private partial void LogUsingPastNeighbors(int count);

    [LoggerMessage(EventId = E.BadPastNeighbor, Level = LogLevel.Warning, Message = "Skipping a stored past neighbor: {Error}")]
    private partial void LogBadPastNeighbor(string error);

    [LoggerMessage(EventId = E.PastNeighborsUnreadable, Level = LogLevel.Error, Message = "Could not read past neighbors: {Reason}")]
    private partial void LogPastNeighborsUnreadable(string reason);

    [LoggerMessage(EventId = E.PastNeighborsDeclined, Level = LogLevel.Information, Message = "Declined to save past neighbors: no database password is known (said once until a password is known)")]
    private partial void LogPastNeighborsDeclined();

    [LoggerMessage(EventId = E.PastNeighborsNotSaved, Level = LogLevel.Warning, Message = "Could not save past neighbors: {Reason}")]
    private partial void LogPastNeighborsNotSaved(string reason);

    [LoggerMessage(EventId = E.Accepted, Level = LogLevel.Debug, Message = "Gossip of {Count} record(s) from {Source} accepted")]
    private partial void LogAccepted(IPEndPoint source, int count);

    [LoggerMessage(EventId = E.Ignored, Level = LogLevel.Debug, Message = "Gossip of {Count} record(s) from {Source} had nothing new")]
    private partial void LogIgnored(IPEndPoint source, int count);

    [LoggerMessage(EventId = E.Malefactor, Level = LogLevel.Warning, Message = "Malefactor detected at {Source}: {Reason}; refusing its gossip for {Minutes} minutes")]
    private partial void LogMalefactor(IPEndPoint source, string reason, double minutes);

    [LoggerMessage(EventId = E.BannedSource, Level = LogLevel.Information, Message = "Dropped {Variant} from banned malefactor {Source}")]
    private partial void LogBannedSource(IPEndPoint source, string variant);

    [LoggerMessage(EventId = E.WrongPayload, Level = LogLevel.Warning, Message = "Dropped {Variant} from {Source}: the Neighborhood takes only gossip")]
    private partial void LogWrongPayload(IPEndPoint source, string variant);

    [LoggerMessage(EventId = E.ZeroHopGossip, Level = LogLevel.Information, Message = "Dropped gossip from {Source}: a zero-hop Node does not gossip")]
    private partial void LogZeroHopGossip(IPEndPoint source);

    [LoggerMessage(EventId = E.UntrackedFailure, Level = LogLevel.Information, Message = "{Source}, which is not one of the initial neighbors, answered {Failure}; ignored")]
    private partial void LogUntrackedFailure(IPEndPoint source, GossipFailureKind failure);

    [LoggerMessage(EventId = E.InitialNeighborRefused, Level = LogLevel.Warning, Message = "Initial neighbor {Source} refused the Debut: {Failure}")]
    private partial void LogInitialNeighborRefused(IPEndPoint source, GossipFailureKind failure);

    [LoggerMessage(EventId = E.NoNeighborAccepted, Level = LogLevel.Error, Message = "None of the initial neighbors accepted this Node's Debut; the Node cannot join the network and stops")]
    private partial void LogNoNeighborAccepted();

    [LoggerMessage(EventId = E.NoGossipResponse, Level = LogLevel.Warning, Message = "Initial neighbor {PeerIp} did not answer the Debut within 10 s")]
    private partial void LogNoGossipResponse(IPAddress peerIp);

    [LoggerMessage(EventId = E.NeighborLost, Level = LogLevel.Information, Message = "Neighbor {Key} at {Remote} is gone; removed from this Node's neighbors")]
    private partial void LogNeighborLost(string key, IPEndPoint remote);

    [LoggerMessage(EventId = E.PartedFrom, Level = LogLevel.Information, Message = "Neighbor {Key} no longer lists this Node; removed from this Node's neighbors too")]
    private partial void LogPartedFrom(string key);

    [LoggerMessage(EventId = E.PartedForExit, Level = LogLevel.Information, Message = "No exit is possible: every Node that could serve as one is this Node's own neighbor; parted from {Key} so that it can be the exit of a {MinHops}-hop route")]
    private partial void LogPartedForExit(string key, int minHops);

    [LoggerMessage(EventId = E.GossipUndelivered, Level = LogLevel.Warning, Message = "Could not deliver gossip to neighbor {Key}")]
    private partial void LogGossipUndelivered(string key);

    [LoggerMessage(EventId = E.ReplyUndelivered, Level = LogLevel.Warning, Message = "Could not deliver {Variant} to {Endpoint}")]
    private partial void LogReplyUndelivered(string variant, IPEndPoint endpoint);

    [LoggerMessage(EventId = E.NoRoute, Level = LogLevel.Error, Message = "Unsatisfied route query for {Hostname}: no at-least-{MinHops}-hop route is known")]
    private partial void LogNoRoute(string hostname, int minHops);

    [LoggerMessage(EventId = E.RouteFound, Level = LogLevel.Information, Message = "A {MinHops}-hop route is available: this Node can route")]
    private partial void LogRouteFound(int minHops);

    [LoggerMessage(EventId = E.UnreachableHost, Level = LogLevel.Information, Message = "Exit {Exit} could not resolve {Hostname}; routes to it avoid that exit")]
    private partial void LogUnreachableHost(string hostname, string exit);

    [LoggerMessage(EventId = E.ExitLocation, Level = LogLevel.Information, Message = "Exit location set: {Preferences}, fallback routing {Fallback}")]
    private partial void LogExitLocation(string preferences, bool fallback);

    [LoggerMessage(EventId = E.DebutRetry, Level = LogLevel.Information, Message = "No neighbor yet: debuting again to {Endpoint}")]
    private partial void LogDebutRetry(IPEndPoint endpoint);

    [LoggerMessage(EventId = E.RootVersionNotSaved, Level = LogLevel.Warning, Message = "Could not save this Node's record version to {Path}; after a restart old neighbors may ignore it")]
    private partial void LogRootVersionNotSaved(string path);

    [LoggerMessage(EventId = E.Replied, Level = LogLevel.Debug, Message = "Gossip of {Count} record(s) from {Source} answered with {ReplyCount} record(s)")]
    private partial void LogReplied(IPEndPoint source, int count, int replyCount);

    [LoggerMessage(EventId = E.Refused, Level = LogLevel.Debug, Message = "Gossip of {Count} record(s) from {Source} refused: {Failure}")]
    private partial void LogRefused(IPEndPoint source, int count, GossipFailureKind failure);

    [LoggerMessage(EventId = E.NoGossipResponseButConnected, Level = LogLevel.Debug, Message = "Initial neighbor {PeerIp} did not answer the Debut within 10 s; this Node has other neighbors")]
    private partial void LogNoGossipResponseButConnected(IPAddress peerIp);

    [LoggerMessage(EventId = E.RootMoved, Level = LogLevel.Warning, Message = "This Node's public address moved from {Old} to {New}: gossiping the new one to its neighbors")]
    private partial void LogRootMoved(IPAddress old, IPAddress @new);

    [LoggerMessage(EventId = E.Relinking, Level = LogLevel.Information, Message = "The link to neighbor {Key} at {Remote} went through this Node's old address; gossiping to it over a new link")]
    private partial void LogRelinking(string key, IPEndPoint remote);

    [LoggerMessage(EventId = E.MoveProved, Level = LogLevel.Information, Message = "Node {Key} moved to {Address}, as gossip said: a link there proved its key")]
    private partial void LogMoveProved(string key, IPAddress address);

    [LoggerMessage(EventId = E.RelinkingLost, Level = LogLevel.Information, Message = "Neighbor {Key} at {Address} was lost just before this Node's public address moved: taken back, gossiping to it over a new link")]
    private partial void LogRelinkingLost(string key, IPAddress address);

    [LoggerMessage(EventId = E.KeptAfterMove, Level = LogLevel.Information, Message = "Neighbor {Key} dropped this Node when its link through the old address died; kept as a neighbor, the gossip over the new link lists it")]
    private partial void LogKeptAfterMove(string key);

    [LoggerMessage(EventId = E.HealingDebut, Level = LogLevel.Information, Message = "This Node cannot reach {Count} Node(s) it knows of (a dead Node split the mesh): debuting to {Endpoint} to join the parts again")]
    private partial void LogHealingDebut(IPEndPoint endpoint, int count);

    [LoggerMessage(EventId = E.StaleRecordsDropped, Level = LogLevel.Information, Message = "Forgot {Count} Node record(s) this Node could not reach and heard nothing newer of for {Minutes} minutes")]
    private partial void LogStaleRecordsDropped(int count, double minutes);
}
