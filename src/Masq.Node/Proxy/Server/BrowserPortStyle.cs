namespace Masq.Node.Proxy.Server;

/// <summary>How a browser-side listener learns where each connection goes.</summary>
internal enum BrowserPortStyle
{
    /// <summary>The forward-proxy port: absolute-form HTTP requests and CONNECT host:443.</summary>
    ForwardProxy,

    /// <summary>Port 80 in the transparent style of the seed: the Host header says where.</summary>
    TransparentHttp,

    /// <summary>Port 443 in the transparent style: the ClientHello's server name says where (or a CONNECT).</summary>
    TransparentTls,

    /// <summary>The SOCKS5 port: the CONNECT request says where; the payload is not looked at.</summary>
    Socks5,
}
