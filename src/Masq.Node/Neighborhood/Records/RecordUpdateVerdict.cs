namespace Masq.Node.Neighborhood.Records;

/// <summary>Whether a received record may replace the stored one for the same Node (§2, "Updating received records").</summary>
internal enum RecordUpdateVerdict
{
    /// <summary>Strictly newer and no immutable field changed: replace.</summary>
    Replace,

    /// <summary>Same or lower version: keep the stored record and ignore this one (not misbehavior; restarts do it).</summary>
    NotNewer,

    /// <summary>The records are for different keys; comparing them is a caller bug or a forgery.</summary>
    PublicKeyChanged,

    /// <summary>The rate pack is immutable per identity.</summary>
    RatePackChanged,

    /// <summary>A known NodeAddr may not be replaced by another (an unknown one may be filled in).</summary>
    NodeAddrChanged,
}
