using System.Net;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary><paramref name="SourceIp"/> passed us on to <paramref name="TargetIp"/>: the attempt tracked under SourceIp moves there.</summary>
internal sealed record PassGossipReceived(IPAddress SourceIp, IPAddress TargetIp) : ConnectionProgressEvent;
