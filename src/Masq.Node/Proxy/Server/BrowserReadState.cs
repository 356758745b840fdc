namespace Masq.Node.Proxy.Server;

/// <summary>Where a browser connection's reader is in the byte stream.</summary>
internal enum BrowserReadState
{
    /// <summary>Expecting an HTTP request head (or a CONNECT).</summary>
    Head,

    /// <summary>Inside a request body of known length.</summary>
    Body,

    /// <summary>Inside a chunked request body.</summary>
    Chunked,

    /// <summary>Transparent port 443: expecting the ClientHello, whose server name says where to go.</summary>
    ClientHello,

    /// <summary>TLS records going through untouched (after a CONNECT or a ClientHello).</summary>
    Tunnel,

    /// <summary>SOCKS5: expecting the greeting (version and methods).</summary>
    SocksGreeting,

    /// <summary>SOCKS5: expecting the request (command, address, port).</summary>
    SocksRequest,

    /// <summary>SOCKS5 after CONNECT: whatever the client sends goes through as it comes, unframed.</summary>
    Opaque,
}
