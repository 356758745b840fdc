namespace Masq.Node.Proxy.Server;

internal enum BrowserOutgoingKind
{
    /// <summary>Write the bytes.</summary>
    Data,

    /// <summary>The server closed: close the connection after what came before.</summary>
    Finish,

    /// <summary>Write the counterfeit error, then close.</summary>
    Fail,

    /// <summary>The server failed mid-answer: reset the connection after what came before.</summary>
    Reset,
}
