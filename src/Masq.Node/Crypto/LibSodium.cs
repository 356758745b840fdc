using System.Runtime.InteropServices;

namespace Masq.Node.Crypto;

/// <summary>
/// Direct span-based bindings to the native libsodium that Sodium.Core ships. Sodium.Core's own API takes and
/// returns fresh byte arrays, which would cost two extra copies per package on the hot path (open, re-seal).
/// </summary>
internal static unsafe partial class LibSodium
{
    public const int BoxPublicKeyLength = 32;
    public const int BoxSecretKeyLength = 32;
    public const int SealOverhead = 48;
    public const int SignPublicKeyLength = 32;
    public const int SignSeedLength = 32;
    public const int SignSecretKeyLength = 64;
    public const int SignatureLength = 64;

    private const string Library = "libsodium";

    static LibSodium()
    {
        // 0 = initialised now, 1 = already initialised; -1 = the library cannot be used.
        if (sodium_init() < 0)
        {
            throw new CryptDeException("libsodium failed to initialise.");
        }
    }

    /// <summary>crypto_box_seal: destination must be plaintext.Length + 48 bytes and must not overlap it.</summary>
    public static bool BoxSeal(Span<byte> destination, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> recipientBoxKey)
    {
        byte dummy = 0;
        fixed (byte* c = destination)
        fixed (byte* m = plaintext)
        fixed (byte* pk = recipientBoxKey)
        {
            // An empty span pins to null; libsodium is handed a valid pointer anyway.
            return crypto_box_seal(c, m is null ? &dummy : m, (ulong)plaintext.Length, pk) == 0;
        }
    }

    /// <summary>crypto_box_seal_open: destination must be ciphertext.Length - 48 bytes.</summary>
    public static bool BoxSealOpen(
        Span<byte> destination, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> boxPublicKey, ReadOnlySpan<byte> boxSecretKey)
    {
        byte dummy = 0;
        fixed (byte* m = destination)
        fixed (byte* c = ciphertext)
        fixed (byte* pk = boxPublicKey)
        fixed (byte* sk = boxSecretKey)
        {
            return crypto_box_seal_open(m is null ? &dummy : m, c, (ulong)ciphertext.Length, pk, sk) == 0;
        }
    }

    public static void ScalarMultBase(Span<byte> publicKey, ReadOnlySpan<byte> secretKey)
    {
        fixed (byte* q = publicKey)
        fixed (byte* n = secretKey)
        {
            if (crypto_scalarmult_base(q, n) != 0)
            {
                throw new CryptDeException("X25519 public key derivation failed.");
            }
        }
    }

    public static void SignSeedKeyPair(Span<byte> publicKey, Span<byte> secretKey, ReadOnlySpan<byte> seed)
    {
        fixed (byte* pk = publicKey)
        fixed (byte* sk = secretKey)
        fixed (byte* s = seed)
        {
            if (crypto_sign_seed_keypair(pk, sk, s) != 0)
            {
                throw new CryptDeException("Ed25519 key derivation failed.");
            }
        }
    }

    public static void SignDetached(Span<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> secretKey)
    {
        byte dummy = 0;
        fixed (byte* sig = signature)
        fixed (byte* m = message)
        fixed (byte* sk = secretKey)
        {
            ulong length;
            if (crypto_sign_detached(sig, &length, m is null ? &dummy : m, (ulong)message.Length, sk) != 0)
            {
                throw new CryptDeException("Ed25519 signing failed.");
            }
        }
    }

    public static bool VerifyDetached(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        byte dummy = 0;
        fixed (byte* sig = signature)
        fixed (byte* m = message)
        fixed (byte* pk = publicKey)
        {
            return crypto_sign_verify_detached(sig, m is null ? &dummy : m, (ulong)message.Length, pk) == 0;
        }
    }

    [LibraryImport(Library)]
    private static partial int sodium_init();

    [LibraryImport(Library)]
    private static partial int crypto_box_seal(byte* c, byte* m, ulong mlen, byte* pk);

    [LibraryImport(Library)]
    private static partial int crypto_box_seal_open(byte* m, byte* c, ulong clen, byte* pk, byte* sk);

    [LibraryImport(Library)]
    private static partial int crypto_scalarmult_base(byte* q, byte* n);

    [LibraryImport(Library)]
    private static partial int crypto_sign_seed_keypair(byte* pk, byte* sk, byte* seed);

    [LibraryImport(Library)]
    private static partial int crypto_sign_detached(byte* sig, ulong* siglen, byte* m, ulong mlen, byte* sk);

    [LibraryImport(Library)]
    private static partial int crypto_sign_verify_detached(byte* sig, byte* m, ulong mlen, byte* pk);
}
