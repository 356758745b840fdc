namespace Masq.Node.Proxy.Socks;

/// <summary>What <see cref="Socks5Parser"/> made of the bytes so far.</summary>
internal enum Socks5ParseStatus
{
    /// <summary>More bytes are needed (a domain length past the data stays here until the handshake times out).</summary>
    Incomplete,

    /// <summary>A whole greeting or request.</summary>
    Complete,

    /// <summary>The first byte is not version 5 (SOCKS4, HTTP, TLS, noise).</summary>
    WrongVersion,

    /// <summary>A greeting that offers no method at all.</summary>
    NoMethods,

    /// <summary>A request whose address type is none of IPv4 (1), domain name (3) and IPv6 (4).</summary>
    UnknownAddressType,

    /// <summary>A request with an empty or unusable domain name, or a CONNECT to port 0.</summary>
    BadAddress,
}
