using System.Net;

using Masq.Lib.Blockchains;

namespace Masq.Node.Protocol;

/// <summary>
/// A package that has reached the component it was for (data-path.md §3), in-process only.
/// <see cref="RemainingRoute"/> still has the hop that brought it on top, so an exit can send its responses back by
/// it; <see cref="PayingWallet"/> is that hop's payer; <see cref="PayloadLength"/> is the sealed payload's length,
/// which accounting charges for.
/// </summary>
internal sealed record ExpiredCoresPackage<TPayload>(
    IPEndPoint? ImmediateNeighbor,
    WalletAddress? PayingWallet,
    Route RemainingRoute,
    TPayload Payload,
    int PayloadLength)
{
    public ExpiredCoresPackage<TOther> WithPayload<TOther>(TOther payload) =>
        new(ImmediateNeighbor, PayingWallet, RemainingRoute, payload, PayloadLength);
}
