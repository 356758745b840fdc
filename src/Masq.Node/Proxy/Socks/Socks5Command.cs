namespace Masq.Node.Proxy.Socks;

/// <summary>The CMD byte of a SOCKS5 request (RFC 1928 §4).</summary>
internal enum Socks5Command : byte
{
    Connect = 1,
    Bind = 2,
    UdpAssociate = 3,
}
