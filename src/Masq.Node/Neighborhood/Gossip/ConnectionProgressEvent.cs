namespace Masq.Node.Neighborhood.Gossip;

/// <summary>A connection-progress event a gossip handler reports (neighborhood.md §6), for the connection tracker.</summary>
internal abstract record ConnectionProgressEvent;
