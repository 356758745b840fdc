using System.Net;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary>
/// <paramref name="SourceIp"/> passed us to <paramref name="TargetIp"/>, which we were passed to within the last 60 s or
/// are already trying: the attempt tracked under SourceIp fails with PassLoopFound.
/// </summary>
internal sealed record PassLoopFound(IPAddress SourceIp, IPAddress TargetIp) : ConnectionProgressEvent;
