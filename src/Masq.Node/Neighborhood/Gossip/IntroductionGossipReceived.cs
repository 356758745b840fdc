using System.Net;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary>The Node at <paramref name="IntroducerIp"/> accepted us and introduced <paramref name="IntroduceeIp"/>.</summary>
internal sealed record IntroductionGossipReceived(IPAddress IntroducerIp, IPAddress IntroduceeIp) : ConnectionProgressEvent;
