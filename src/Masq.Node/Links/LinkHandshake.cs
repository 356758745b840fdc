using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Masq.Node.Cells;
using Masq.Node.Crypto;
using PublicKey = Masq.Node.Crypto.PublicKey;
using Masq.Node.Networking;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Links;

/// <summary>
/// Turns a connected byte stream into a mutual TLS 1.3 link authenticated to Node identities. The dialling side
/// names the Node it expects; the accepting side learns the peer's Node key from its client certificate. Then the
/// dialler sends a challenge, a nonce and the hash of the acceptor's certificate key sealed to the key it expects, and
/// the acceptor answers with the nonce: so the acceptor holds the encryption (X25519) half of that key, which its
/// certificate's Ed25519 signature does not prove, and it is the holder of the certificate the dialler saw, not a
/// relay of another link. This is what makes first contact safe: a descriptor carries only that half
/// (<see cref="IsFirstContact"/>), and the dialler accepts any Node key that starts with it. Anything
/// else is refused with a <see cref="LinkRefusedException"/> and one log line (per peer per interval, through
/// <see cref="PeerConduct"/>, so a flood of bad handshakes does not flood the log). Thread-safe.
/// </summary>
internal sealed partial class LinkHandshake
{
    private const int NonceLength = 32;
    private const int ChallengeLength = NonceLength + 32;
    private const int FirstContactLength = 32;

    private readonly ICryptDE _identity;
    private readonly LinkOptions _options;
    private readonly TimeProvider _time;
    private readonly PeerConduct _conduct;
    private readonly ILogger<LinkHandshake> _logger;
    private readonly Lock _lock = new();
    private SslStreamCertificateContext _context;
    private DateTimeOffset _renewAt;

    public LinkOptions Options => _options;

    public LinkHandshake(ICryptDE identity, LinkOptions options, TimeProvider time, PeerConduct conduct, ILogger<LinkHandshake> logger)
    {
        _identity = identity;
        _options = options;
        _time = time;
        _conduct = conduct;
        _logger = logger;
        _context = NewContext(out _renewAt);
    }

    /// <summary>The certificate this Node presents now (renewed at half its lifetime).</summary>
    public X509Certificate2 Certificate => CurrentContext().TargetCertificate;

    /// <summary>Authenticates a link this Node dialled to the Node whose key is <paramref name="expected"/>.</summary>
    /// <exception cref="LinkRefusedException">The peer is not that Node, or the handshake failed or stalled.</exception>
    public async Task<TlsLink> ConnectAsync(Stream transport, IPEndPoint remote, PublicKey expected, CancellationToken cancellationToken)
    {
        var proof = new PeerProof();
#pragma warning disable CA2000 // HandshakeAsync owns the stream: it disposes it on failure and hands it to the TlsLink otherwise.
        var ssl = new SslStream(transport, leaveInnerStreamOpen: false);
#pragma warning restore CA2000
        var options = new SslClientAuthenticationOptions
        {
            // No SNI: the ClientHello names nobody.
            TargetHost = string.Empty,
            EnabledSslProtocols = SslProtocols.Tls13,
            ClientCertificateContext = CurrentContext(),
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            // No resumption: session tickets would be records whose lengths are not cell sizes.
            AllowTlsResume = false,
            RemoteCertificateValidationCallback = (_, certificate, _, _) => Verify(certificate, expected, proof),
        };
        return await HandshakeAsync(ssl, remote, proof, dialled: true, (s, token) => s.AuthenticateAsClientAsync(options, token), cancellationToken);
    }

    /// <summary>Authenticates a link another Node opened; the result names the Node it proved to be.</summary>
    /// <exception cref="LinkRefusedException">The peer proved no Node identity, or the handshake failed or stalled.</exception>
    public async Task<TlsLink> AcceptAsync(Stream transport, IPEndPoint remote, CancellationToken cancellationToken)
    {
        var proof = new PeerProof();
#pragma warning disable CA2000 // HandshakeAsync owns the stream: it disposes it on failure and hands it to the TlsLink otherwise.
        var ssl = new SslStream(transport, leaveInnerStreamOpen: false);
#pragma warning restore CA2000
        var options = new SslServerAuthenticationOptions
        {
            EnabledSslProtocols = SslProtocols.Tls13,
            ServerCertificateContext = CurrentContext(),
            ClientCertificateRequired = true,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            AllowTlsResume = false,
            AllowRenegotiation = false,
            RemoteCertificateValidationCallback = (_, certificate, _, _) => Verify(certificate, expected: null, proof),
        };
        return await HandshakeAsync(ssl, remote, proof, dialled: false, (s, token) => s.AuthenticateAsServerAsync(options, token), cancellationToken);
    }

    private async Task<TlsLink> HandshakeAsync(
        SslStream ssl,
        IPEndPoint remote,
        PeerProof proof,
        bool dialled,
        Func<SslStream, CancellationToken, Task> authenticate,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.HandshakeTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await authenticate(ssl, linked.Token);
            if (ssl.SslProtocol != SslProtocols.Tls13 || proof.NodeKey is null)
            {
                throw Refuse(remote, dialled, LinkRefusal.TlsFailed, $"negotiated {ssl.SslProtocol} without a proven identity");
            }

            try
            {
                if (dialled)
                {
                    await ChallengeAsync(ssl, proof.NodeKey, linked.Token);
                }
                else
                {
                    await AnswerAsync(ssl, linked.Token);
                }
            }
            catch (EndOfStreamException e)
            {
                throw new IOException("The link closed during its challenge.", e);
            }

            if (proof.Refusal is not null)
            {
                throw Refuse(remote, dialled, proof.Refusal.Value, proof.Detail!);
            }

            LogEstablished(dialled ? "to" : "from", remote, proof.NodeKey);
            return new TlsLink(ssl, proof.NodeKey);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Logged before the socket closes, so that whoever sees the close finds the refusal in the log.
            var timedOut = Refuse(remote, dialled, LinkRefusal.TimedOut, $"the TLS handshake did not finish within {_options.HandshakeTimeout.TotalSeconds:0.#} s");
            await ssl.DisposeAsync();
            throw timedOut;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            var refused = proof.Refusal is { } refusal
                ? Refuse(remote, dialled, refusal, proof.Detail!, e)
                : Refuse(remote, dialled, LinkRefusal.TlsFailed, $"the TLS handshake failed ({e.InnerException?.Message ?? e.Message})", e);
            await ssl.DisposeAsync();
            throw refused;
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }

        async Task ChallengeAsync(SslStream stream, PublicKey peer, CancellationToken token)
        {
            byte[] plaintext = new byte[ChallengeLength];
            RandomNumberGenerator.Fill(plaintext.AsSpan(0, NonceLength));
            KeyHash(stream.RemoteCertificate, plaintext.AsSpan(NonceLength));
            byte[] sealedChallenge = new byte[_identity.GetSealedLength(peer, plaintext.Length)];
            _identity.Seal(peer, plaintext, sealedChallenge);
            byte[] cell = new byte[CellFormat.SmallLength];
            LinkCells.WriteControl(cell, CellKind.LinkChallenge, sealedChallenge);
            await stream.WriteAsync(cell, token);
            await stream.FlushAsync(token);
            await stream.ReadExactlyAsync(cell, token);
            if (!LinkCells.TryReadControl(cell, CellKind.LinkProof, out var answer)
                || !CryptographicOperations.FixedTimeEquals(answer, plaintext.AsSpan(0, NonceLength)))
            {
                proof.Refusal = LinkRefusal.Unproven;
                proof.Detail = "it did not answer a challenge sealed to the key it claims";
            }
        }

        async Task AnswerAsync(SslStream stream, CancellationToken token)
        {
            byte[] cell = new byte[CellFormat.SmallLength];
            await stream.ReadExactlyAsync(cell, token);
            byte[] expectedHash = new byte[SHA256.HashSizeInBytes];
            KeyHash(stream.LocalCertificate, expectedHash);
            byte[]? opened = null;
            if (LinkCells.TryReadControl(cell, CellKind.LinkChallenge, out var sealedChallenge)
                && _identity.GetOpenedLength(sealedChallenge.Length) == ChallengeLength)
            {
                opened = new byte[ChallengeLength];
                if (!_identity.TryOpen(sealedChallenge, opened) || !CryptographicOperations.FixedTimeEquals(opened.AsSpan(NonceLength), expectedHash))
                {
                    opened = null;
                }
            }

            if (opened is null)
            {
                proof.Refusal = LinkRefusal.Unproven;
                proof.Detail = "its first cell is not a challenge for this Node and this link";
                return;
            }

            LinkCells.WriteControl(cell, CellKind.LinkProof, opened.AsSpan(0, NonceLength));
            await stream.WriteAsync(cell, token);
            await stream.FlushAsync(token);
        }
    }

    /// <summary>
    /// Whether <paramref name="key"/> is a first-contact key (the 32-byte descriptor half followed by 32 zero bytes,
    /// <c>NodeDescriptor.ToFirstContactKey</c>): then only its first half names the Node.
    /// </summary>
    public static bool IsFirstContact(PublicKey key) =>
        key.Length == FirstContactLength * 2 && !key.Span[FirstContactLength..].ContainsAnyExcept((byte)0);

    /// <summary>Whether a proven Node key is the one <paramref name="expected"/> names (by its first half at first contact).</summary>
    public static bool Matches(PublicKey proven, PublicKey expected) =>
        proven == expected
        || (IsFirstContact(expected) && proven.Length == expected.Length && proven.Span[..FirstContactLength].SequenceEqual(expected.Span[..FirstContactLength]));

    private static void KeyHash(System.Security.Cryptography.X509Certificates.X509Certificate? certificate, Span<byte> destination)
    {
        if (certificate is X509Certificate2 full)
        {
            SHA256.HashData(full.PublicKey.ExportSubjectPublicKeyInfo(), destination);
        }
        else
        {
            // Fails closed: no certificate, no hash anyone could match.
            RandomNumberGenerator.Fill(destination);
        }
    }

    private bool Verify(X509Certificate? certificate, PublicKey? expected, PeerProof proof)
    {
        var refusal = LinkCertificate.Check(certificate, _identity, _time.GetUtcNow(), _options.ClockSkew, out var nodeKey);
        if (refusal is null && expected is not null && !Matches(nodeKey!, expected))
        {
            proof.Refusal = LinkRefusal.WrongNode;
            proof.Detail = $"it proved Node {nodeKey} instead of {expected}";
            return false;
        }

        if (refusal is not null)
        {
            proof.Refusal = refusal;
            proof.Detail = Describe(refusal.Value);
            return false;
        }

        proof.NodeKey = nodeKey;
        return true;
    }

    private LinkRefusedException Refuse(IPEndPoint remote, bool dialled, LinkRefusal reason, string detail, Exception? inner = null)
    {
        // Logged once per interval per Node we dialled, and per IP address for links we accepted (each comes from another
        // port). No strike: a refused link is closed at once, and a ban of one socket address would never match again.
        if (_conduct.Report(dialled ? remote : new IPEndPoint(remote.Address, 0), strike: false))
        {
            LogRefused(dialled ? "to" : "from", remote, reason, detail);
        }

        return new LinkRefusedException(reason, $"Link {(dialled ? "to" : "from")} {remote} refused: {detail}", inner);
    }

    private static string Describe(LinkRefusal refusal) => refusal switch
    {
        LinkRefusal.NoCertificate => "it presented no certificate",
        LinkRefusal.NoIdentity => "its certificate carries no Node identity",
        LinkRefusal.MalformedIdentity => "its certificate's Node identity does not parse",
        LinkRefusal.ForgedIdentity => "its certificate's Node identity is not signed by the Node it names",
        LinkRefusal.Expired => "its certificate is outside its validity period",
        LinkRefusal.Unproven => "it did not prove the key it claims",
        _ => refusal.ToString(),
    };

    private SslStreamCertificateContext CurrentContext()
    {
        lock (_lock)
        {
            if (_time.GetUtcNow() >= _renewAt)
            {
                _context = NewContext(out _renewAt);
            }

            return _context;
        }
    }

    private SslStreamCertificateContext NewContext(out DateTimeOffset renewAt)
    {
        var now = _time.GetUtcNow();
        renewAt = now + (_options.CertificateLifetime / 2);
#pragma warning disable CA2000 // The certificate lives as long as the context that holds it (the handshake's for this run).
        return LinkCertificate.CreateContext(LinkCertificate.Create(_identity, now - _options.ClockSkew, now + _options.CertificateLifetime));
#pragma warning restore CA2000
    }

    /// <summary>What the certificate callback found, for the code awaiting the handshake.</summary>
    private sealed class PeerProof
    {
        public PublicKey? NodeKey { get; set; }

        public LinkRefusal? Refusal { get; set; }

        public string? Detail { get; set; }
    }

    [LoggerMessage(EventId = LinkEventIds.LinkRefused, Level = LogLevel.Warning, Message = "Refused the link {Direction} {Remote}: {Detail} ({Reason})")]
    private partial void LogRefused(string direction, IPEndPoint remote, LinkRefusal reason, string detail);

    [LoggerMessage(EventId = LinkEventIds.LinkEstablished, Level = LogLevel.Debug, Message = "TLS 1.3 link {Direction} {Remote}, Node {Node}")]
    private partial void LogEstablished(string direction, IPEndPoint remote, PublicKey node);
}
