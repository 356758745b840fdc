namespace Masq.Node.Networking;

internal enum ClientHelloStatus
{
    /// <summary>The ClientHello has not fully arrived.</summary>
    Incomplete,

    /// <summary>A ClientHello with a server name.</summary>
    ServerNameFound,

    /// <summary>A well-formed ClientHello without a usable server name (SNI) extension.</summary>
    NoServerName,

    /// <summary>The stream does not start with a TLS ClientHello.</summary>
    NotClientHello,
}
