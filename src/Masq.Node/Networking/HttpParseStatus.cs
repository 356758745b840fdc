namespace Masq.Node.Networking;

internal enum HttpParseStatus
{
    /// <summary>Not all of the request head has arrived: read more.</summary>
    Incomplete,

    /// <summary>A whole, well-formed request head.</summary>
    Complete,

    /// <summary>Not an HTTP request this proxy can frame (bad request line, header or body framing).</summary>
    Invalid,

    /// <summary>The head is longer than the limit (one huge header line, or too many headers).</summary>
    TooLarge,
}
