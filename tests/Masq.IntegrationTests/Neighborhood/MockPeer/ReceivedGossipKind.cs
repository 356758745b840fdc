namespace Masq.IntegrationTests.Neighborhood.MockPeers;

/// <summary>
/// What a <see cref="MockPeer"/> made of a message, classified as the reference's multinode helper does
/// (neighborhood.md §9): one record at the sender's IP is a Debut, one elsewhere a Pass, two with NodeAddrs of which
/// exactly one is at the sender's IP an Introduction, anything else Standard; GossipFailure separately.
/// </summary>
internal enum ReceivedGossipKind
{
    Debut,
    Pass,
    Introduction,
    Standard,
    Failure,

    /// <summary>The package, its payload or a record in it did not open, decode or verify (see <see cref="ReceivedGossip.Problem"/>).</summary>
    Unreadable,
}
