namespace Masq.Node.Neighborhood.Records;

/// <summary>Why a received <see cref="SignedNodeRecord"/> is not to be trusted (the whole gossip is then dropped, §3.2).</summary>
internal enum NodeRecordRejection
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>The signed bytes are not a valid <see cref="NodeRecordInner"/> (including a key that is not 64 bytes).</summary>
    Undecodable,

    /// <summary>
    /// The signature is not the record's own key's over the signed bytes and this chain's contract: forged,
    /// altered, or made on another chain.
    /// </summary>
    BadSignature,
}
