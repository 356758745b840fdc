using System.Security.Cryptography;

namespace Masq.Node.Cells;

/// <summary>
/// A hop's two symmetric keys, derived with HKDF-SHA256 from the seed in its entry: one for cells towards the exit,
/// one for cells towards the originator. A relay uses them as ChaCha20 layer keys; the exit as ChaCha20-Poly1305
/// keys, so its layer is also the end-to-end integrity check.
/// </summary>
internal sealed class LayerKeys
{
    private static readonly byte[] Info = "MASQ cells v2 layer keys"u8.ToArray();

    private LayerKeys(byte[] forward, byte[] backward)
    {
        Forward = forward;
        Backward = backward;
    }

    public byte[] Forward { get; }

    public byte[] Backward { get; }

    public static LayerKeys Derive(ReadOnlySpan<byte> seed)
    {
        Span<byte> okm = stackalloc byte[2 * CellSodium.KeyLength];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, seed, okm, salt: ReadOnlySpan<byte>.Empty, Info);
        var keys = new LayerKeys(okm[..CellSodium.KeyLength].ToArray(), okm[CellSodium.KeyLength..].ToArray());
        CryptographicOperations.ZeroMemory(okm);
        return keys;
    }
}
