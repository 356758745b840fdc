namespace Masq.Node.Links;

/// <summary>A link whose peer could not prove the Node identity it needed to, or whose handshake failed.</summary>
internal sealed class LinkRefusedException : Exception
{
    public LinkRefusedException(LinkRefusal reason, string message, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
    }

    public LinkRefusal Reason { get; }
}
