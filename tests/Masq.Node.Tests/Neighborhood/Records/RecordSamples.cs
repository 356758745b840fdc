using System.Formats.Cbor;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Records;

namespace Masq.Node.Tests.Neighborhood.Records;

internal static class RecordSamples
{
    public static readonly WalletAddress Wallet = WalletAddress.Parse("0x0102030405060708090a0b0c0d0e0f1011121314");

    public static CryptDeReal Node(Chain chain) => CryptDeReal.Generate(chain.ContractAddress.Bytes);

    public static PublicKey Key(byte fill) => new(Enumerable.Repeat(fill, NodeRecordInner.PublicKeyLength).ToArray());

    public static NodeRecordInner Inner(PublicKey key, uint version = 0, RatePack? ratePack = null, string? country = "AT") =>
        new(key, Wallet, ratePack ?? RatePack.Default, [Key(9), Key(3), Key(7)], acceptsConnections: true, routesData: true, version, country);

    public static byte[] Cbor(Action<CborWriter> write)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        write(writer);
        return writer.Encode();
    }
}
