namespace Masq.Node.Protocol;

/// <summary>What the browser spoke on a stream; the text "HTTP" or "TLS" on the wire.</summary>
internal enum ProxyProtocol
{
    Http,
    Tls,
}
