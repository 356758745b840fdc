using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Masq.Node.Crypto;
using PublicKey = Masq.Node.Crypto.PublicKey;

namespace Masq.Node.Links;

/// <summary>
/// A Node's link certificate for this run: an ephemeral ECDSA P-256 key (fast in OpenSSL's TLS 1.3, and .NET cannot
/// make Ed25519 certificates) in a self-signed certificate carrying the <see cref="NodeIdentityExtension"/>. TLS 1.3
/// encrypts certificates, so a passive observer never sees it; the subject is bland all the same.
/// </summary>
internal static class LinkCertificate
{
    public static X509Certificate2 Create(ICryptDE identity, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=node", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(NodeIdentityExtension.Create(identity, key.ExportSubjectPublicKeyInfo()));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>A certificate context for <see cref="SslStream"/>: no chain to build, no revocation to fetch.</summary>
    public static SslStreamCertificateContext CreateContext(X509Certificate2 certificate) =>
        SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true);

    /// <summary>
    /// Checks a peer's certificate: it names a Node key, that Node signed this certificate's key for our chain, and it
    /// is within its validity period (with <paramref name="skew"/> of tolerance). Null when it passes.
    /// </summary>
    public static LinkRefusal? Check(
        X509Certificate? presented, ICryptDE verifier, DateTimeOffset now, TimeSpan skew, out PublicKey? nodeKey)
    {
        nodeKey = null;
        if (presented is not X509Certificate2 certificate)
        {
            return LinkRefusal.NoCertificate;
        }

        if (certificate.NotBefore.ToUniversalTime() > now.UtcDateTime + skew
            || certificate.NotAfter.ToUniversalTime() < now.UtcDateTime - skew)
        {
            return LinkRefusal.Expired;
        }

        if (NodeIdentityExtension.TryRead(certificate, out var claimed, out var signature) is { } malformed)
        {
            return malformed;
        }

        byte[] message = NodeIdentityExtension.SignedMessage(certificate.PublicKey.ExportSubjectPublicKeyInfo());
        if (!verifier.IsValidPublicKey(claimed!) || !verifier.Verify(message, signature, claimed!))
        {
            return LinkRefusal.ForgedIdentity;
        }

        nodeKey = claimed;
        return null;
    }
}
