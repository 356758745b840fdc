using System.Formats.Cbor;

using Masq.Lib.Blockchains;

namespace Masq.Node.Protocol;

/// <summary>
/// Who pays for a hop: the originator's consuming wallet and its proof, signed for the hop's reader
/// (data-path.md §2.1). A relay accepts the hop only if <see cref="OwnsSecretKey"/> holds for its own digest.
/// On the wire serde flattens the wallet into the map, which makes it indefinite-length:
/// <c>BF "address": "0x…", "proof": {…} FF</c>.
/// </summary>
/// <remarks>
/// data-path.md is unsure whether <c>address</c> is text or an array of 20 uints. We write the text form the spec
/// thinks likely and read both.
/// </remarks>
internal sealed record Payer(WalletAddress Wallet, PayerProof Proof)
{
    private const string What = "payer";

    /// <summary>
    /// Whether the proof was made by <see cref="Wallet"/> over <paramref name="digest"/>, the reader's
    /// <c>ICryptDE.Digest()</c>. A proof copied from a hop meant for another Node fails here.
    /// </summary>
    public bool OwnsSecretKey(ReadOnlySpan<byte> digest) =>
        Proof.TryRecoverAddress(digest, out var recovered) && recovered == Wallet;

    internal void Write(CborWriter writer)
    {
        writer.WriteStartMap(null);
        writer.WriteTextString("address");
        writer.WriteTextString(Wallet.ToString());
        writer.WriteTextString("proof");
        Proof.Write(writer);
        writer.WriteEndMap();
    }

    internal static Payer Read(CborReader reader)
    {
        WalletAddress? address = null;
        PayerProof? proof = null;
        var map = CoresCbor.ReadStartMap(reader, What);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("address"u8))
            {
                address = address is null ? ReadAddress(reader) : throw map.Duplicate("address");
            }
            else if (key.SequenceEqual("proof"u8))
            {
                proof = proof is null ? PayerProof.Read(reader) : throw map.Duplicate("proof");
            }
            else
            {
                map.UnknownKey(skip: false);
            }
        }

        return new Payer(
            address ?? throw CoresCbor.Missing(What, "address"),
            proof ?? throw CoresCbor.Missing(What, "proof"));
    }

    private static WalletAddress ReadAddress(CborReader reader)
    {
        if (reader.PeekState() == CborReaderState.TextString)
        {
            string text = CoresCbor.ReadText(reader, 2 + (2 * WalletAddress.Length), What);
            return WalletAddress.TryParse(text, out var parsed, out _)
                ? parsed
                : throw CoresCbor.Invalid(What, "address is not 0x and 40 hex digits");
        }

        var bytes = CoresCbor.ReadByteArray(reader, WalletAddress.Length, What);
        return bytes.Length == WalletAddress.Length
            ? WalletAddress.FromBytes(bytes.Span)
            : throw CoresCbor.Invalid(What, "address is not 20 bytes");
    }
}
