using Masq.Node.Protocol;

namespace Masq.Node.Hopper;

/// <summary>An opened hop, with the result of its payer check computed at most once.</summary>
internal sealed class HopEntry(LiveHop hop, byte[] readerDigest)
{
    private readonly Lazy<bool> _payerProven = new(() => hop.PayerOwnsSecretKey(readerDigest), LazyThreadSafetyMode.PublicationOnly);

    public LiveHop Hop { get; } = hop;

    /// <summary>Whether the hop names a payer whose proof was made for this Node (data-path.md §2.2 step 6).</summary>
    public bool PayerProven => _payerProven.Value;
}
