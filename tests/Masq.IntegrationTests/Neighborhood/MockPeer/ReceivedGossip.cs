using System.Net;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Gossip;

namespace Masq.IntegrationTests.Neighborhood.MockPeers;

/// <summary>One message a <see cref="MockPeer"/> received: who sent it (the TCP peer), what kind it is and its records.</summary>
internal sealed record ReceivedGossip(
    IPEndPoint Sender,
    ReceivedGossipKind Kind,
    IReadOnlyList<ReceivedRecord> Records,
    GossipFailureKind? Failure = null,
    string? Problem = null)
{
    public IReadOnlyList<PublicKey> Keys => [.. Records.Select(r => r.Key)];

    public ReceivedRecord? RecordOf(PublicKey key) => Records.FirstOrDefault(r => r.Key.Equals(key));

    /// <summary>The Introduction's introducee: the record not at the sender's IP.</summary>
    public ReceivedRecord? Introducee => Kind == ReceivedGossipKind.Introduction
        ? Records.FirstOrDefault(r => r.NodeAddr is { } address && !address.Ip.Equals(Sender.Address))
        : null;

    /// <summary>Classifies verified records from <paramref name="sender"/> (neighborhood.md §9).</summary>
    public static ReceivedGossip Classify(IPEndPoint sender, IReadOnlyList<ReceivedRecord> records)
    {
        bool AtSender(ReceivedRecord record) => record.NodeAddr is { } address && address.Ip.Equals(sender.Address);
        var kind = records.Count switch
        {
            0 => ReceivedGossipKind.Standard,
            1 => AtSender(records[0]) ? ReceivedGossipKind.Debut : ReceivedGossipKind.Pass,
            2 when records.All(r => r.NodeAddr is not null) && records.Count(AtSender) == 1 => ReceivedGossipKind.Introduction,
            _ => ReceivedGossipKind.Standard,
        };
        return new ReceivedGossip(sender, kind, records);
    }

    public override string ToString() => Kind switch
    {
        ReceivedGossipKind.Failure => $"GossipFailure {Failure} from {Sender}",
        ReceivedGossipKind.Unreadable => $"unreadable message from {Sender}: {Problem}",
        _ => $"{Kind} gossip from {Sender} with {Records.Count} records:\n    {string.Join("\n    ", Records)}",
    };
}
