namespace Masq.Node.Links;

/// <summary>Limits of the TLS links between Nodes.</summary>
internal sealed record LinkOptions
{
    /// <summary>A TLS handshake not finished by then is dropped: a peer that stalls it holds a socket, nothing more.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A peer that acknowledges nothing for this long is taken for dead and its link closed (<see cref="LinkLiveness"/>).</summary>
    public TimeSpan DeadPeerAfter { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// How long a link certificate is valid. Its key lives only as long as the process, so this bounds only how long
    /// a stolen certificate and key could be replayed; a Node that runs longer makes a new certificate.
    /// </summary>
    public TimeSpan CertificateLifetime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Clocks of two Nodes may disagree by this much before a fresh certificate looks "not yet valid".</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromHours(1);
}
