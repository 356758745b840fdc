namespace Masq.Node.Links;

/// <summary>Why a link was refused during its TLS handshake.</summary>
internal enum LinkRefusal
{
    /// <summary>The peer presented no certificate.</summary>
    NoCertificate,

    /// <summary>The certificate has no Node identity extension.</summary>
    NoIdentity,

    /// <summary>The Node identity extension does not parse.</summary>
    MalformedIdentity,

    /// <summary>The extension's signature is not the named Node's over this certificate's key: a self-made identity.</summary>
    ForgedIdentity,

    /// <summary>The certificate proves a Node identity, but not the one this Node dialled.</summary>
    WrongNode,

    /// <summary>The certificate is outside its validity period.</summary>
    Expired,

    /// <summary>The handshake failed at the TLS level (another protocol version, no common cipher, garbage bytes).</summary>
    TlsFailed,

    /// <summary>
    /// The link's challenge failed: the acceptor could not open a nonce sealed to the key it claims (or it came through
    /// another link), or the dialler's first cell was no challenge for this Node.
    /// </summary>
    Unproven,

    /// <summary>The handshake did not finish within <see cref="LinkOptions.HandshakeTimeout"/>.</summary>
    TimedOut,
}
