namespace Masq.Node.Networking;

internal enum TlsRecordStatus
{
    /// <summary>Fewer bytes than a whole record: read more.</summary>
    Incomplete,

    /// <summary>A whole record with a plausible header.</summary>
    Complete,

    /// <summary>Not a TLS record header.</summary>
    Invalid,
}
