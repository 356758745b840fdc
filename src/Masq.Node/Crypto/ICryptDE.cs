using System.Diagnostics.CodeAnalysis;

namespace Masq.Node.Crypto;

/// <summary>
/// A Node's cryptographic identity and what it does with it (the reference's CryptDE, data-path.md §4): seals data
/// for another Node's public key, opens what was sealed for its own, signs and verifies, hashes and digests.
/// A Node has two: the persistent <em>main</em> identity and a fresh <em>alias</em> per run (<see cref="CryptDePair"/>).
/// Implementations are immutable and thread-safe; sealing and opening run in parallel on connection tasks.
/// </summary>
internal interface ICryptDE
{
    PublicKey PublicKey { get; }

    /// <summary>
    /// The 20-byte token contract address of the Node's chain. It is appended to everything signed and digested, so
    /// signatures and payer proofs made on one chain fail on another.
    /// </summary>
    ReadOnlyMemory<byte> ChainContract { get; }

    /// <summary>Whether <paramref name="key"/> has the shape this CryptDE can seal for (64 bytes for real keys).</summary>
    bool IsValidPublicKey(PublicKey key);

    /// <summary>Length of the ciphertext that <see cref="Seal"/> writes for a plaintext of the given length.</summary>
    int GetSealedLength(PublicKey recipient, int plaintextLength);

    /// <summary>
    /// Seals <paramref name="plaintext"/> so that only the holder of <paramref name="recipient"/>'s private key can
    /// open it (the reference's <c>encode</c>). <paramref name="destination"/> must be exactly
    /// <see cref="GetSealedLength"/> bytes and must not overlap the plaintext.
    /// </summary>
    /// <exception cref="CryptDeException">The recipient key is not valid for this CryptDE.</exception>
    void Seal(PublicKey recipient, ReadOnlySpan<byte> plaintext, Span<byte> destination);

    /// <summary>
    /// Length of the plaintext that a ciphertext of the given length opens to, or -1 when it is too short to have
    /// been sealed for this CryptDE.
    /// </summary>
    int GetOpenedLength(int ciphertextLength);

    /// <summary>
    /// Opens a ciphertext sealed for this CryptDE's key (the reference's <c>decode</c>). Returns false, never throws,
    /// when the ciphertext was sealed for another key, was tampered with or is too short.
    /// <paramref name="destination"/> must be exactly <see cref="GetOpenedLength"/> bytes.
    /// </summary>
    bool TryOpen(ReadOnlySpan<byte> ciphertext, Span<byte> destination);

    /// <summary>Signs <paramref name="data"/> ‖ chain contract (Ed25519 detached for real keys).</summary>
    byte[] Sign(ReadOnlySpan<byte> data);

    /// <summary>Checks a <see cref="Sign"/> signature by <paramref name="signer"/>; false for any malformed input.</summary>
    bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, PublicKey signer);

    /// <summary>The CryptDE's hash function (SHA-512).</summary>
    byte[] Hash(ReadOnlySpan<byte> data);

    /// <summary>keccak256(own public key ‖ chain contract): what payers sign for this Node (data-path.md §2.1).</summary>
    byte[] Digest();

    /// <summary>Fills <paramref name="destination"/> with random bytes (deterministic for <see cref="CryptDeNull"/>).</summary>
    void FillRandom(Span<byte> destination);

    /// <summary>The key as it appears in a node descriptor.</summary>
    string ToDescriptorFragment(PublicKey key);

    /// <summary>
    /// Parses a descriptor's key fragment into a "first contact" key: good for sealing a Debut to, useless for
    /// checking signatures until gossip brings the full key. Never throws.
    /// </summary>
    bool TryParseDescriptorFragment(string fragment, [NotNullWhen(true)] out PublicKey? firstContactKey);

    /// <summary>
    /// The private key material as opaque bytes, for the persistence layer to store encrypted and for the matching
    /// <c>Import</c> to restore the same identity on the next start. The caller must not log it and should zero it.
    /// </summary>
    byte[] ExportKeyPair();

    /// <summary>A new, unlinkable identity of the same kind and chain: the per-run alias.</summary>
    ICryptDE CreateAlias();
}
