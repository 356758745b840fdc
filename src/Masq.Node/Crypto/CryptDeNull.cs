using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Masq.Node.Crypto;

/// <summary>
/// A deterministic, insecure CryptDE for tests and readable multi-Node runs (data-path.md §4): the private key is
/// the public key with 128 added to each byte, sealing prefixes the recipient's private key, random bytes are all
/// '4', the alias key is the main key reversed. Unlike the reference it never panics: opening data sealed for
/// another key fails like the real one does. The hash is SHA-512 (the reference uses SHA-1) so both
/// implementations produce hashes of one length.
/// </summary>
internal sealed class CryptDeNull : ICryptDE
{
    public const byte RandomByte = (byte)'4';

    private const int HashLength = 64;

    private readonly byte[] _privateKey;
    private readonly byte[] _chainContract;

    public CryptDeNull(PublicKey publicKey, ReadOnlySpan<byte> chainContract)
    {
        if (publicKey.IsEmpty)
        {
            throw new ArgumentException("A CryptDeNull key cannot be empty.", nameof(publicKey));
        }

        if (chainContract.Length != CryptDeReal.ChainContractLength)
        {
            throw new ArgumentException("A chain contract address is 20 bytes.", nameof(chainContract));
        }

        PublicKey = publicKey;
        _privateKey = ToPrivate(publicKey.Span);
        _chainContract = chainContract.ToArray();
    }

    /// <summary>The dev chain's contract (neighborhood.md §1), which the reference's null CryptDE always uses.</summary>
    public static ReadOnlySpan<byte> DevChainContract =>
    [
        0x59, 0x88, 0x2e, 0x4a, 0x8f, 0x5d, 0x24, 0x64, 0x3d, 0x4d,
        0xda, 0x42, 0x29, 0x22, 0xa8, 0x70, 0xf1, 0xb3, 0xe6, 0x64,
    ];

    public PublicKey PublicKey { get; }

    public ReadOnlyMemory<byte> ChainContract => _chainContract;

    /// <summary>Restores an identity from <see cref="ExportKeyPair"/> output (which is just the public key).</summary>
    /// <exception cref="CryptDeException">The bytes are empty.</exception>
    public static CryptDeNull Import(ReadOnlySpan<byte> exported, ReadOnlySpan<byte> chainContract) =>
        exported.IsEmpty
            ? throw new CryptDeException("An empty key cannot be imported.")
            : new CryptDeNull(new PublicKey(exported), chainContract);

    public bool IsValidPublicKey(PublicKey key) => !key.IsEmpty;

    public int GetSealedLength(PublicKey recipient, int plaintextLength) => recipient.Length + plaintextLength;

    public void Seal(PublicKey recipient, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        if (!IsValidPublicKey(recipient))
        {
            throw new CryptDeException("Cannot seal for an empty key.");
        }

        if (destination.Length != recipient.Length + plaintext.Length)
        {
            throw new ArgumentException("Destination must be exactly the sealed length.", nameof(destination));
        }

        for (int i = 0; i < recipient.Length; i++)
        {
            destination[i] = unchecked((byte)(recipient.Span[i] + 128));
        }

        plaintext.CopyTo(destination[recipient.Length..]);
    }

    public int GetOpenedLength(int ciphertextLength) =>
        ciphertextLength < _privateKey.Length ? -1 : ciphertextLength - _privateKey.Length;

    public bool TryOpen(ReadOnlySpan<byte> ciphertext, Span<byte> destination)
    {
        int length = GetOpenedLength(ciphertext.Length);
        if (length < 0 || destination.Length != length || !ciphertext.StartsWith(_privateKey))
        {
            return false;
        }

        ciphertext[_privateKey.Length..].CopyTo(destination);
        return true;
    }

    /// <summary>public key ‖ SHA-512(data ‖ chain contract).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => SignatureOf(PublicKey.Span, data);

    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, PublicKey signer) =>
        !signer.IsEmpty
        && signature.Length == signer.Length + HashLength
        && CryptographicOperations.FixedTimeEquals(signature, SignatureOf(signer.Span, data));

    public byte[] Hash(ReadOnlySpan<byte> data) => SHA512.HashData(data);

    public byte[] Digest() => Keccak256.PayerDigest(PublicKey, _chainContract);

    public void FillRandom(Span<byte> destination) => destination.Fill(RandomByte);

    /// <summary>The whole key, URL-safe unpadded base64: null keys have no separate signing half.</summary>
    public string ToDescriptorFragment(PublicKey key) => Base64Url.EncodeToString(key.Span);

    public bool TryParseDescriptorFragment(string fragment, [NotNullWhen(true)] out PublicKey? firstContactKey)
    {
        firstContactKey = null;
        if (string.IsNullOrEmpty(fragment) || !Base64Url.IsValid(fragment, out int decodedLength) || decodedLength == 0)
        {
            return false;
        }

        var key = new byte[decodedLength];
        if (Base64Url.DecodeFromChars(fragment, key, out _, out int written) != OperationStatus.Done
            || written != decodedLength)
        {
            return false;
        }

        firstContactKey = PublicKey.FromOwnedArray(key);
        return true;
    }

    public byte[] ExportKeyPair() => PublicKey.ToArray();

    public ICryptDE CreateAlias()
    {
        var reversed = PublicKey.ToArray();
        Array.Reverse(reversed);
        return new CryptDeNull(PublicKey.FromOwnedArray(reversed), _chainContract);
    }

    private static byte[] ToPrivate(ReadOnlySpan<byte> publicKey)
    {
        var result = new byte[publicKey.Length];
        for (int i = 0; i < publicKey.Length; i++)
        {
            result[i] = unchecked((byte)(publicKey[i] + 128));
        }

        return result;
    }

    private byte[] SignatureOf(ReadOnlySpan<byte> signer, ReadOnlySpan<byte> data)
    {
        var signature = new byte[signer.Length + HashLength];
        signer.CopyTo(signature);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        sha.AppendData(data);
        sha.AppendData(_chainContract);
        sha.GetHashAndReset(signature.AsSpan(signer.Length));
        return signature;
    }
}
