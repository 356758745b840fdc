using System.Formats.Cbor;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Protocol;

namespace Masq.Node.Tests.Neighborhood.Records;

public sealed class NodeRecordInnerTests
{
    [Fact]
    public void Round_trips_and_keeps_neighbors_sorted()
    {
        var inner = RecordSamples.Inner(RecordSamples.Key(1), version: 7);

        var decoded = NodeRecordInner.Decode(inner.Encode());

        Assert.Equal(inner, decoded);
        Assert.Equal([RecordSamples.Key(3), RecordSamples.Key(7), RecordSamples.Key(9)], decoded.Neighbors.ToArray());
        Assert.Equal(7u, decoded.Version);
        Assert.Equal("AT", decoded.CountryCode);
    }

    [Fact]
    public void Round_trips_without_country_or_neighbors()
    {
        var inner = new NodeRecordInner(RecordSamples.Key(1), RecordSamples.Wallet, RatePack.Zero, [], false, false, uint.MaxValue, null);

        Assert.Equal(inner, NodeRecordInner.Decode(inner.Encode()));
    }

    [Fact]
    public void Writes_spec_field_names_in_declaration_order()
    {
        var reader = new CborReader(RecordSamples.Inner(RecordSamples.Key(1)).Encode());
        var keys = new List<string>();
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            keys.Add(reader.ReadTextString());
            reader.SkipValue();
        }

        Assert.Equal(
            ["public_key", "earning_wallet", "rate_pack", "neighbors", "accepts_connections", "routes_data", "version", "country_code_opt"],
            keys);
    }

    [Fact]
    public void Earning_wallet_is_an_array_of_uints()
    {
        byte[] encoded = RecordSamples.Inner(RecordSamples.Key(1)).Encode();
        var reader = new CborReader(encoded);
        reader.ReadStartMap();
        reader.ReadTextString();
        reader.SkipValue();
        Assert.Equal("earning_wallet", reader.ReadTextString());
        reader.ReadStartMap();
        Assert.Equal("address", reader.ReadTextString());
        Assert.Equal(CborReaderState.StartArray, reader.PeekState());
        Assert.Equal(20, reader.ReadStartArray());
    }

    [Fact]
    public void Accepts_any_key_order_and_ignores_unknown_keys()
    {
        var expected = RecordSamples.Inner(RecordSamples.Key(1), version: 3, country: null);
        byte[] encoded = RecordSamples.Cbor(w =>
        {
            w.WriteStartMap(null);
            w.WriteTextString("version");
            w.WriteUInt32(3);
            w.WriteTextString("future_field");
            w.WriteStartArray(1);
            w.WriteInt32(5);
            w.WriteEndArray();
            w.WriteTextString("routes_data");
            w.WriteBoolean(true);
            w.WriteTextString("accepts_connections");
            w.WriteBoolean(true);
            w.WriteTextString("neighbors");
            w.WriteStartArray(3);
            w.WriteByteString(RecordSamples.Key(9).Span);
            w.WriteByteString(RecordSamples.Key(7).Span);
            w.WriteByteString(RecordSamples.Key(3).Span);
            w.WriteEndArray();
            w.WriteTextString("rate_pack");
            WriteRatePack(w, RatePack.Default);
            w.WriteTextString("earning_wallet");
            w.WriteStartMap(1);
            w.WriteTextString("address");
            w.WriteByteString(RecordSamples.Wallet.Bytes);
            w.WriteEndMap();
            w.WriteTextString("public_key");
            w.WriteByteString(RecordSamples.Key(1).Span);
            w.WriteEndMap();
        });

        Assert.Equal(expected, NodeRecordInner.Decode(encoded));
    }

    [Theory]
    [InlineData(32)]
    [InlineData(63)]
    [InlineData(65)]
    public void Wrong_public_key_length_is_refused(int length)
    {
        byte[] encoded = WithField("public_key", w => w.WriteByteString(new byte[length]));

        var e = Assert.Throws<CoresDecodeException>(() => NodeRecordInner.Decode(encoded));
        Assert.Equal(CoresDecodeError.InvalidValue, e.Error);
        Assert.Contains("public_key", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RecordSamples.Inner(new PublicKey(new byte[length])));
    }

    [Fact]
    public void Wrong_neighbor_key_length_is_refused()
    {
        byte[] encoded = WithField("neighbors", w =>
        {
            w.WriteStartArray(1);
            w.WriteByteString(new byte[32]);
            w.WriteEndArray();
        });

        Assert.Equal(CoresDecodeError.InvalidValue, Assert.Throws<CoresDecodeException>(() => NodeRecordInner.Decode(encoded)).Error);
    }

    [Fact]
    public void Repeated_neighbor_is_refused()
    {
        byte[] encoded = WithField("neighbors", w =>
        {
            w.WriteStartArray(2);
            w.WriteByteString(RecordSamples.Key(4).Span);
            w.WriteByteString(RecordSamples.Key(4).Span);
            w.WriteEndArray();
        });

        Assert.Equal(CoresDecodeError.InvalidValue, Assert.Throws<CoresDecodeException>(() => NodeRecordInner.Decode(encoded)).Error);
    }

    [Fact]
    public void Missing_field_bad_country_and_oversized_version_are_refused()
    {
        byte[] noVersion = RecordSamples.Cbor(w =>
        {
            w.WriteStartMap(1);
            w.WriteTextString("public_key");
            w.WriteByteString(RecordSamples.Key(1).Span);
            w.WriteEndMap();
        });

        Assert.Equal(CoresDecodeError.MissingField, Assert.Throws<CoresDecodeException>(() => NodeRecordInner.Decode(noVersion)).Error);
        Assert.Equal(
            CoresDecodeError.InvalidValue,
            Assert.Throws<CoresDecodeException>(() => NodeRecordInner.Decode(WithField("country_code_opt", w => w.WriteTextString("austria")))).Error);
        Assert.Equal(
            CoresDecodeError.InvalidValue,
            Assert.Throws<CoresDecodeException>(() => NodeRecordInner.Decode(WithField("version", w => w.WriteUInt64((ulong)uint.MaxValue + 1)))).Error);
        Assert.Equal(
            CoresDecodeError.WrongType,
            Assert.Throws<CoresDecodeException>(() => NodeRecordInner.Decode(WithField("routes_data", w => w.WriteUInt32(1)))).Error);
    }

    [Fact]
    public void Trailing_bytes_and_truncation_are_refused()
    {
        byte[] encoded = RecordSamples.Inner(RecordSamples.Key(1)).Encode();

        Assert.Equal(CoresDecodeError.TrailingBytes, Assert.Throws<CoresDecodeException>(() => NodeRecordInner.Decode(WithTrailingZero(encoded))).Error);
        Assert.Equal(CoresDecodeError.Malformed, Assert.Throws<CoresDecodeException>(() => NodeRecordInner.Decode(encoded.AsMemory(0, encoded.Length - 1))).Error);
    }

    private static byte[] WithTrailingZero(byte[] encoded) => [.. encoded, 0];

    private static void WriteRatePack(CborWriter w, RatePack rates)
    {
        w.WriteStartMap(4);
        w.WriteTextString("routing_byte_rate");
        w.WriteUInt64(rates.RoutingByteRate);
        w.WriteTextString("routing_service_rate");
        w.WriteUInt64(rates.RoutingServiceRate);
        w.WriteTextString("exit_byte_rate");
        w.WriteUInt64(rates.ExitByteRate);
        w.WriteTextString("exit_service_rate");
        w.WriteUInt64(rates.ExitServiceRate);
        w.WriteEndMap();
    }

    /// <summary>A valid record with one field's value replaced.</summary>
    private static byte[] WithField(string replaced, Action<CborWriter> writeValue)
    {
        var reader = new CborReader(RecordSamples.Inner(RecordSamples.Key(1)).Encode());
        return RecordSamples.Cbor(w =>
        {
            int? count = reader.ReadStartMap();
            w.WriteStartMap(count);
            while (reader.PeekState() != CborReaderState.EndMap)
            {
                string key = reader.ReadTextString();
                w.WriteTextString(key);
                if (key == replaced)
                {
                    reader.SkipValue();
                    writeValue(w);
                }
                else
                {
                    w.WriteEncodedValue(reader.ReadEncodedValue().Span);
                }
            }

            reader.ReadEndMap();
            w.WriteEndMap();
        });
    }
}
