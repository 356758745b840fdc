namespace Masq.Node.EntryDns;

/// <summary>Why a datagram got no ordinary answer.</summary>
internal enum EntryDnsProblem
{
    None,

    /// <summary>Shorter than a DNS header: dropped, there is not even an id to answer.</summary>
    TooShort,

    /// <summary>A response, not a query: dropped, so two servers can never answer each other forever.</summary>
    NotAQuery,

    /// <summary>Not exactly one question, or answer and authority records in a query: FORMERR.</summary>
    BadCounts,

    /// <summary>A compression pointer in the question (a query has no earlier name to point at): FORMERR.</summary>
    CompressedName,

    /// <summary>A reserved label type, or a name longer than 255 bytes: FORMERR.</summary>
    BadName,

    /// <summary>The question runs past the end of the datagram: FORMERR.</summary>
    Truncated,
}
