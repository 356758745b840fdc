using Masq.Node.Protocol;

namespace Masq.Node.Hopper;

/// <summary>An opened hop, with the result of its payer check computed at most once.</summary>
internal sealed class HopEntry(LiveHop hop, Func<LiveHop, bool> checkPayer)
{
    private readonly Lazy<bool> _payerProven = new(() => checkPayer(hop), LazyThreadSafetyMode.PublicationOnly);

    public LiveHop Hop { get; } = hop;

    /// <summary>Whether the hop names a payer whose proof was made for this Node (data-path.md §2.2 step 6).</summary>
    public bool PayerProven => _payerProven.Value;
}
