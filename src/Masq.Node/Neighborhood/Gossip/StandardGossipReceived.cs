using System.Net;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary>Standard gossip from <paramref name="SenderIp"/> made it a full neighbor of the root.</summary>
internal sealed record StandardGossipReceived(IPAddress SenderIp) : ConnectionProgressEvent;
