using Masq.Lib.Neighborhood;

namespace Masq.Node.Neighborhood.Records;

/// <summary>
/// The version rule for received records (§2): a record replaces the stored one only when its version is strictly
/// higher and its public key, rate pack and already-known NodeAddr are unchanged. The NodeAddr travels outside the
/// signature; a null incoming address means "not revealed" (§3.5) and never counts as a change.
/// </summary>
internal static class RecordUpdateRule
{
    public static RecordUpdateVerdict Check(NodeRecordInner stored, NodeAddr? storedAddr, NodeRecordInner incoming, NodeAddr? incomingAddr)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(incoming);
        if (!stored.PublicKey.Equals(incoming.PublicKey))
        {
            return RecordUpdateVerdict.PublicKeyChanged;
        }

        if (incoming.Version <= stored.Version)
        {
            return RecordUpdateVerdict.NotNewer;
        }

        if (!stored.RatePack.Equals(incoming.RatePack))
        {
            return RecordUpdateVerdict.RatePackChanged;
        }

        if (storedAddr is not null && incomingAddr is not null && !storedAddr.Equals(incomingAddr))
        {
            return RecordUpdateVerdict.NodeAddrChanged;
        }

        return RecordUpdateVerdict.Replace;
    }
}
