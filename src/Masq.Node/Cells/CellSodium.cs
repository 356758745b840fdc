using System.Runtime.InteropServices;
using Masq.Node.Crypto;

namespace Masq.Node.Cells;

/// <summary>
/// Span-based bindings to the libsodium primitives of the cell layer. libsodium's ChaCha20 has no key schedule and
/// no per-call context, so one call per cell per layer costs the cipher and nothing else (no allocation, no EVP
/// context set-up as the in-box AesGcm pays on every call); it is AVX2-vectorised and constant-time on any CPU.
/// </summary>
internal static unsafe partial class CellSodium
{
    public const int KeyLength = 32;
    public const int NonceLength = 12;
    public const int TagLength = 16;

    private const string Library = "libsodium";

    static CellSodium()
    {
        if (sodium_init() < 0)
        {
            throw new CryptDeException("libsodium failed to initialise.");
        }
    }

    /// <summary>XORs <paramref name="data"/> in place with the ChaCha20 (IETF) keystream from its first byte.</summary>
    public static void StreamXor(Span<byte> data, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> key)
    {
        fixed (byte* d = data)
        fixed (byte* n = nonce)
        fixed (byte* k = key)
        {
            if (crypto_stream_chacha20_ietf_xor_ic(d, d, (ulong)data.Length, n, 0, k) != 0)
            {
                throw new CryptDeException("ChaCha20 refused a cell.");
            }
        }
    }

    /// <summary>
    /// ChaCha20-Poly1305 (IETF) in place: <paramref name="data"/> becomes ciphertext, its tag (which also covers
    /// <paramref name="associated"/>) goes to <paramref name="tag"/>.
    /// </summary>
    public static void Seal(Span<byte> data, Span<byte> tag, ReadOnlySpan<byte> associated, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> key)
    {
        fixed (byte* d = data)
        fixed (byte* t = tag)
        fixed (byte* a = associated)
        fixed (byte* n = nonce)
        fixed (byte* k = key)
        {
            ulong tagLength;
            if (crypto_aead_chacha20poly1305_ietf_encrypt_detached(d, t, &tagLength, d, (ulong)data.Length, a, (ulong)associated.Length, null, n, k) != 0)
            {
                throw new CryptDeException("ChaCha20-Poly1305 refused a cell.");
            }
        }
    }

    /// <summary>Opens in place; false when the tag does not match <paramref name="data"/> and <paramref name="associated"/>.</summary>
    public static bool Open(Span<byte> data, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> associated, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> key)
    {
        fixed (byte* d = data)
        fixed (byte* t = tag)
        fixed (byte* a = associated)
        fixed (byte* n = nonce)
        fixed (byte* k = key)
        {
            return crypto_aead_chacha20poly1305_ietf_decrypt_detached(d, null, d, (ulong)data.Length, t, a, (ulong)associated.Length, n, k) == 0;
        }
    }

    [LibraryImport(Library)]
    private static partial int sodium_init();

    [LibraryImport(Library)]
    private static partial int crypto_stream_chacha20_ietf_xor_ic(byte* c, byte* m, ulong mlen, byte* n, uint ic, byte* k);

    [LibraryImport(Library)]
    private static partial int crypto_aead_chacha20poly1305_ietf_encrypt_detached(
        byte* c, byte* mac, ulong* maclen, byte* m, ulong mlen, byte* ad, ulong adlen, byte* nsec, byte* npub, byte* k);

    [LibraryImport(Library)]
    private static partial int crypto_aead_chacha20poly1305_ietf_decrypt_detached(
        byte* m, byte* nsec, byte* c, ulong clen, byte* mac, byte* ad, ulong adlen, byte* npub, byte* k);
}
