using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Masq.Node.Crypto;

/// <summary>
/// The production CryptDE on libsodium (data-path.md §4). Public key = X25519 box key (32) ‖ Ed25519 signing key
/// (32). Sealing is <c>crypto_box_seal</c> to the X25519 half (+48 bytes); signatures are Ed25519 detached over
/// data ‖ chain contract; the hash is SHA-512, the digest keccak256(public key ‖ chain contract).
/// </summary>
internal sealed class CryptDeReal : ICryptDE
{
    public const int PublicKeyLength = LibSodium.BoxPublicKeyLength + LibSodium.SignPublicKeyLength;
    public const int ChainContractLength = 20;
    public const int SignatureLength = LibSodium.SignatureLength;

    /// <summary>Format byte ‖ X25519 secret (32) ‖ Ed25519 seed (32); both public halves are derived on import.</summary>
    public const int ExportedKeyPairLength = 1 + LibSodium.BoxSecretKeyLength + LibSodium.SignSeedLength;

    private const byte ExportFormatV1 = 1;
    private const int StackMessageLimit = 1024;
    private const int DescriptorFragmentLength = 43;

    private readonly byte[] _boxSecretKey;
    private readonly byte[] _signSecretKey;
    private readonly byte[] _chainContract;

    private CryptDeReal(ReadOnlySpan<byte> boxSecretKey, ReadOnlySpan<byte> signSeed, ReadOnlySpan<byte> chainContract)
    {
        if (chainContract.Length != ChainContractLength)
        {
            throw new ArgumentException("A chain contract address is 20 bytes.", nameof(chainContract));
        }

        _chainContract = chainContract.ToArray();
        _boxSecretKey = boxSecretKey.ToArray();
        _signSecretKey = new byte[LibSodium.SignSecretKeyLength];
        var publicKey = new byte[PublicKeyLength];
        LibSodium.ScalarMultBase(publicKey.AsSpan(0, LibSodium.BoxPublicKeyLength), _boxSecretKey);
        LibSodium.SignSeedKeyPair(publicKey.AsSpan(LibSodium.BoxPublicKeyLength), _signSecretKey, signSeed);
        PublicKey = PublicKey.FromOwnedArray(publicKey);
    }

    public PublicKey PublicKey { get; }

    public ReadOnlyMemory<byte> ChainContract => _chainContract;

    /// <summary>A new random identity on the chain whose token contract is <paramref name="chainContract"/>.</summary>
    public static CryptDeReal Generate(ReadOnlySpan<byte> chainContract)
    {
        Span<byte> secrets = stackalloc byte[LibSodium.BoxSecretKeyLength + LibSodium.SignSeedLength];
        RandomNumberGenerator.Fill(secrets);
        try
        {
            return new CryptDeReal(
                secrets[..LibSodium.BoxSecretKeyLength], secrets[LibSodium.BoxSecretKeyLength..], chainContract);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secrets);
        }
    }

    /// <summary>Restores an identity from <see cref="ExportKeyPair"/> output.</summary>
    /// <exception cref="CryptDeException">The bytes are not an exported real key pair.</exception>
    public static CryptDeReal Import(ReadOnlySpan<byte> exported, ReadOnlySpan<byte> chainContract)
    {
        if (exported.Length != ExportedKeyPairLength || exported[0] != ExportFormatV1)
        {
            throw new CryptDeException("The stored key pair is not in a format this Node understands.");
        }

        return new CryptDeReal(
            exported.Slice(1, LibSodium.BoxSecretKeyLength),
            exported.Slice(1 + LibSodium.BoxSecretKeyLength, LibSodium.SignSeedLength),
            chainContract);
    }

    public bool IsValidPublicKey(PublicKey key) => key.Length == PublicKeyLength;

    public int GetSealedLength(PublicKey recipient, int plaintextLength) => plaintextLength + LibSodium.SealOverhead;

    public void Seal(PublicKey recipient, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        if (!IsValidPublicKey(recipient))
        {
            throw new CryptDeException($"Cannot seal for a {recipient.Length}-byte key; real keys are {PublicKeyLength} bytes.");
        }

        if (destination.Length != plaintext.Length + LibSodium.SealOverhead)
        {
            throw new ArgumentException("Destination must be exactly the sealed length.", nameof(destination));
        }

        // Only the X25519 half is used; a first-contact key (32 bytes + 32 zeros) seals fine.
        if (!LibSodium.BoxSeal(destination, plaintext, recipient.Span[..LibSodium.BoxPublicKeyLength]))
        {
            // libsodium refuses low-order points, which a hostile peer could announce as its key.
            throw new CryptDeException("Cannot seal for this key: it is not a usable X25519 public key.");
        }
    }

    public int GetOpenedLength(int ciphertextLength) =>
        ciphertextLength < LibSodium.SealOverhead ? -1 : ciphertextLength - LibSodium.SealOverhead;

    public bool TryOpen(ReadOnlySpan<byte> ciphertext, Span<byte> destination)
    {
        int length = GetOpenedLength(ciphertext.Length);
        if (length < 0 || destination.Length != length)
        {
            return false;
        }

        return LibSodium.BoxSealOpen(
            destination, ciphertext, PublicKey.Span[..LibSodium.BoxPublicKeyLength], _boxSecretKey);
    }

    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        var signature = new byte[SignatureLength];
        int length = data.Length + ChainContractLength;
        byte[]? rented = length > StackMessageLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> message = (rented is null ? stackalloc byte[StackMessageLimit] : rented)[..length];
        try
        {
            AppendChainContract(data, message);
            LibSodium.SignDetached(signature, message, _signSecretKey);
            return signature;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, PublicKey signer)
    {
        if (signature.Length != SignatureLength || signer.Length != PublicKeyLength)
        {
            return false;
        }

        int length = data.Length + ChainContractLength;
        byte[]? rented = length > StackMessageLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> message = (rented is null ? stackalloc byte[StackMessageLimit] : rented)[..length];
        try
        {
            AppendChainContract(data, message);
            return LibSodium.VerifyDetached(signature, message, signer.Span[LibSodium.BoxPublicKeyLength..]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public byte[] Hash(ReadOnlySpan<byte> data) => SHA512.HashData(data);

    public byte[] Digest() => Keccak256.PayerDigest(PublicKey, _chainContract);

    public void FillRandom(Span<byte> destination) => RandomNumberGenerator.Fill(destination);

    /// <summary>URL-safe unpadded base64 of the X25519 half only, as the reference's descriptors carry.</summary>
    public string ToDescriptorFragment(PublicKey key) =>
        Base64Url.EncodeToString(key.Span[..Math.Min(key.Length, LibSodium.BoxPublicKeyLength)]);

    public bool TryParseDescriptorFragment(string fragment, [NotNullWhen(true)] out PublicKey? firstContactKey)
    {
        firstContactKey = null;
        if (fragment is null
            || fragment.Length != DescriptorFragmentLength
            || !Base64Url.IsValid(fragment, out int decodedLength)
            || decodedLength != LibSodium.BoxPublicKeyLength)
        {
            return false;
        }

        // The signing half is unknown until gossip brings it: zeros, as the reference does.
        var key = new byte[PublicKeyLength];
        if (Base64Url.DecodeFromChars(fragment, key, out _, out int written) != OperationStatus.Done
            || written != LibSodium.BoxPublicKeyLength)
        {
            return false;
        }

        firstContactKey = PublicKey.FromOwnedArray(key);
        return true;
    }

    public byte[] ExportKeyPair()
    {
        var exported = new byte[ExportedKeyPairLength];
        exported[0] = ExportFormatV1;
        _boxSecretKey.CopyTo(exported.AsSpan(1));
        _signSecretKey.AsSpan(0, LibSodium.SignSeedLength).CopyTo(exported.AsSpan(1 + LibSodium.BoxSecretKeyLength));
        return exported;
    }

    public ICryptDE CreateAlias() => Generate(_chainContract);

    private void AppendChainContract(ReadOnlySpan<byte> data, Span<byte> message)
    {
        data.CopyTo(message);
        _chainContract.CopyTo(message[data.Length..]);
    }
}
