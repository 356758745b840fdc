namespace Masq.Node.Networking;

internal enum UnmaskStatus
{
    /// <summary>No whole frame yet: read more.</summary>
    Incomplete,

    /// <summary>One frame was cut and unmasked.</summary>
    Frame,

    /// <summary>Not a frame of this masquerade, or larger than any honest frame; the connection should be dropped.</summary>
    Malformed,
}
