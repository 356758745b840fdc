using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Masq.Node.Crypto;
using PublicKey = Masq.Node.Crypto.PublicKey;

namespace Masq.Node.Links;

/// <summary>
/// The certificate extension that ties a link's ephemeral TLS key to a Node identity:
/// <c>version (1) ‖ Node public key ‖ Node signature</c> in a DER OCTET STRING. The signature is the CryptDE's over
/// <c>"MASQ link v2" ‖ SHA-256(SubjectPublicKeyInfo)</c>, and the CryptDE appends its chain contract to everything it
/// signs, so the proof holds for one certificate key on one chain. .NET has no TLS exporter
/// (dotnet/runtime#112529), so the identity is bound to the certificate key, and TLS proves possession of that key.
/// </summary>
internal static class NodeIdentityExtension
{
    /// <summary>A UUID-derived OID (ITU-T X.667): needs no registration and collides with nobody's.</summary>
    public const string Oid = "2.25.329982974009185977800418382185427211627";

    public const byte Version = 1;

    private static ReadOnlySpan<byte> Context => "MASQ link v2"u8;

    public static X509Extension Create(ICryptDE identity, ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        byte[] signature = identity.Sign(SignedMessage(subjectPublicKeyInfo));
        var key = identity.PublicKey.Span;
        var content = new byte[3 + key.Length + signature.Length];
        content[0] = Version;
        content[1] = checked((byte)key.Length);
        key.CopyTo(content.AsSpan(2));
        content[2 + key.Length] = checked((byte)signature.Length);
        signature.CopyTo(content.AsSpan(3 + key.Length));

        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(content);
        return new X509Extension(Oid, writer.Encode(), critical: false);
    }

    /// <summary>Parses the extension of <paramref name="certificate"/>; never throws.</summary>
    public static LinkRefusal? TryRead(X509Certificate2 certificate, out PublicKey? nodeKey, out byte[]? signature)
    {
        nodeKey = null;
        signature = null;
        var extension = certificate.Extensions[Oid];
        if (extension is null)
        {
            return LinkRefusal.NoIdentity;
        }

        byte[] content;
        try
        {
            content = AsnDecoder.ReadOctetString(extension.RawData, AsnEncodingRules.DER, out int consumed);
            if (consumed != extension.RawData.Length)
            {
                return LinkRefusal.MalformedIdentity;
            }
        }
        catch (AsnContentException)
        {
            return LinkRefusal.MalformedIdentity;
        }

        // version ‖ key length ‖ key ‖ signature length ‖ signature, every length checked against what is there.
        if (content.Length < 3 || content[0] != Version)
        {
            return LinkRefusal.MalformedIdentity;
        }

        int keyLength = content[1];
        if (keyLength == 0 || content.Length < 3 + keyLength)
        {
            return LinkRefusal.MalformedIdentity;
        }

        int signatureLength = content[2 + keyLength];
        if (signatureLength == 0 || content.Length != 3 + keyLength + signatureLength)
        {
            return LinkRefusal.MalformedIdentity;
        }

        nodeKey = new PublicKey(content.AsSpan(2, keyLength));
        signature = content.AsSpan(3 + keyLength).ToArray();
        return null;
    }

    /// <summary>What the Node signs: the context string and the hash of the certificate's public key.</summary>
    public static byte[] SignedMessage(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        var message = new byte[Context.Length + SHA256.HashSizeInBytes];
        Context.CopyTo(message);
        SHA256.HashData(subjectPublicKeyInfo, message.AsSpan(Context.Length));
        return message;
    }
}
