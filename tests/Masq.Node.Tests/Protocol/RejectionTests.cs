using System.Formats.Cbor;
using Masq.Node.Crypto;
using Masq.Node.Protocol;

namespace Masq.Node.Tests.Protocol;

/// <summary>Each decoder refuses malformed input with the typed error and the right reason.</summary>
public sealed class RejectionTests
{
    private static readonly byte[] StreamKeyBytes = ProtocolSamples.StreamKey.ToArray();

    [Fact]
    public void Trailing_bytes_are_refused()
    {
        byte[] encoded = [.. new LiveHop(new PublicKey([1]), null, Component.Hopper).Encode(), 0x00];

        Assert.Equal(CoresDecodeError.TrailingBytes, Reject(() => LiveHop.Decode(encoded)));
    }

    [Fact]
    public void Missing_unknown_and_mistyped_hop_fields_are_refused()
    {
        Assert.Equal(CoresDecodeError.MissingField, Reject(() => LiveHop.Decode(Cbor(w =>
        {
            w.WriteStartMap(2);
            w.WriteTextString("public_key");
            w.WriteByteString([1]);
            w.WriteTextString("payer");
            w.WriteNull();
            w.WriteEndMap();
        }))));
        Assert.Equal(CoresDecodeError.UnknownField, Reject(() => LiveHop.Decode(Hop(w => { w.WriteTextString("extra"); w.WriteNull(); }))));
        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => LiveHop.Decode(Hop(component: 4))));
        Assert.Equal(CoresDecodeError.WrongType, Reject(() => LiveHop.Decode(Cbor(w =>
        {
            w.WriteStartMap(3);
            w.WriteTextString("public_key");
            w.WriteTextString("not bytes");
            w.WriteTextString("payer");
            w.WriteNull();
            w.WriteTextString("component");
            w.WriteUInt32(1);
            w.WriteEndMap();
        }))));
        Assert.Equal(CoresDecodeError.WrongType, Reject(() => LiveHop.Decode(Cbor(w => w.WriteStartArray(0), end: w => w.WriteEndArray()))));
    }

    [Fact]
    public void Duplicate_keys_are_refused()
    {
        var encoded = Hop(w =>
        {
            w.WriteTextString("component");
            w.WriteUInt32(1);
        });

        Assert.Contains(Reject(() => LiveHop.Decode(encoded)), new[] { CoresDecodeError.Malformed, CoresDecodeError.DuplicateField });
    }

    [Fact]
    public void Payer_address_may_be_text_or_an_array_of_twenty_uints_and_nothing_else()
    {
        using var signer = ProtocolSamples.PayerSigner();
        var proof = signer.SignFor(new PublicKey([1])).Proof;

        var asArray = LiveHop.Decode(HopWithPayer(w => Masq.Node.Protocol.CoresCbor.WriteByteArray(w, signer.Wallet.Bytes), proof));
        Assert.Equal(signer.Wallet, asArray.Payer!.Wallet);

        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => LiveHop.Decode(HopWithPayer(w => w.WriteTextString("0x1234"), proof))));
        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => LiveHop.Decode(HopWithPayer(w => Masq.Node.Protocol.CoresCbor.WriteByteArray(w, new byte[19]), proof))));
    }

    [Fact]
    public void A_huge_claimed_array_length_is_refused_before_allocating()
    {
        // proof.r claims 2^31-1 elements.
        byte[] bomb = Raw(
            new byte[] { 0xa3 }, "public_key", new byte[] { 0x41, 0x01 }, "payer", new byte[] { 0xa2 },
            "address", "0x90f8bf6a479f320ead074411a4b0e7944ea8c9c1", "proof", new byte[] { 0xa3 }, "v", new byte[] { 0x00 },
            "r", new byte[] { 0x9a, 0x7f, 0xff, 0xff, 0xff, 0x00 });

        // The CBOR reader itself refuses a length beyond the input; either way nothing is allocated for it.
        Assert.Contains(Reject(() => LiveHop.Decode(bomb)), new[] { CoresDecodeError.Malformed, CoresDecodeError.TooLarge });

        // A length that fits the input but not the field is refused by the field's limit.
        byte[] longR = Raw(
            new byte[] { 0xa3 }, "public_key", new byte[] { 0x41, 0x01 }, "payer", new byte[] { 0xa2 },
            "address", "0x90f8bf6a479f320ead074411a4b0e7944ea8c9c1", "proof", new byte[] { 0xa3 }, "v", new byte[] { 0x00 },
            "r", new byte[] { 0x98, 33 }, new byte[33], new byte[100]);
        Assert.Equal(CoresDecodeError.TooLarge, Reject(() => LiveHop.Decode(longR)));
    }

    [Fact]
    public void Package_versions_other_than_zero_are_refused()
    {
        Assert.Equal(CoresDecodeError.UnsupportedVersion, Reject(() => LiveCoresPackage.Decode(Package(version: [0, 0, 1]))));
        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => LiveCoresPackage.Decode(Package(version: [0, 0]))));
    }

    [Fact]
    public void Routes_without_hops_or_with_too_many_or_too_large_hops_are_refused()
    {
        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => LiveCoresPackage.Decode(Package(hops: []))));
        Assert.Equal(CoresDecodeError.TooLarge, Reject(() => LiveCoresPackage.Decode(Package(hops: Enumerable.Repeat(new byte[1], 33).ToArray()))));
        Assert.Equal(CoresDecodeError.TooLarge, Reject(() => LiveCoresPackage.Decode(Package(hops: [new byte[2049]]))));
        Assert.Equal(32, LiveCoresPackage.Decode(Package(hops: Enumerable.Repeat(new byte[1], 32).ToArray())).Route.Hops.Length);
    }

    [Fact]
    public void Oversized_input_is_refused_before_parsing()
    {
        Assert.Equal(CoresDecodeError.TooLarge, Reject(() => LiveCoresPackage.Decode(new byte[CoresLimits.MaxPackageLength + 1])));
        Assert.Equal(CoresDecodeError.TooLarge, Reject(() => LiveHop.Decode(new byte[CoresLimits.MaxHopLength + 1])));
    }

    [Fact]
    public void Indefinite_length_byte_strings_are_accepted()
    {
        var encoded = Cbor(w =>
        {
            w.WriteStartMap(3);
            w.WriteTextString("version");
            Masq.Node.Protocol.CoresCbor.WriteByteArray(w, [0, 0, 0]);
            w.WriteTextString("route");
            w.WriteStartMap(1);
            w.WriteTextString("hops");
            w.WriteStartArray(null);
            w.WriteByteString([7]);
            w.WriteEndArray();
            w.WriteEndMap();
            w.WriteTextString("payload");
            w.WriteStartIndefiniteLengthByteString();
            w.WriteByteString([1, 2]);
            w.WriteByteString([3]);
            w.WriteEndIndefiniteLengthByteString();
            w.WriteEndMap();
        });

        var package = LiveCoresPackage.Decode(encoded);

        Assert.Equal(new byte[] { 1, 2, 3 }, package.Payload.ToArray());
    }

    [Fact]
    public void Messages_need_exactly_one_known_variant()
    {
        var data = new DnsResolveFailure(ProtocolSamples.StreamKey).ToVersionedData();
        Assert.Equal(CoresDecodeError.UnknownVariant, Reject(() => MessageType.Decode(Message("Teleport", data))));
        Assert.Equal(CoresDecodeError.MissingField, Reject(() => MessageType.Decode(Cbor(w => w.WriteStartMap(0), end: w => w.WriteEndMap()))));
        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => MessageType.Decode(Cbor(w =>
        {
            w.WriteStartMap(2);
            w.WriteTextString("DnsResolveFailed");
            w.WriteEncodedValue(data.Encode());
            w.WriteTextString("Gossip");
            w.WriteEncodedValue(data.Encode());
            w.WriteEndMap();
        }))));
    }

    [Fact]
    public void Versioned_data_bytes_may_be_a_byte_string()
    {
        var data = new DnsResolveFailure(ProtocolSamples.StreamKey).ToVersionedData();
        var encoded = Cbor(w =>
        {
            w.WriteStartMap(1);
            w.WriteTextString("DnsResolveFailed");
            w.WriteStartMap(3);
            w.WriteTextString("version");
            w.WriteStartMap(2);
            w.WriteTextString("major");
            w.WriteUInt32(0);
            w.WriteTextString("minor");
            w.WriteUInt32(1);
            w.WriteEndMap();
            w.WriteTextString("bytes");
            w.WriteByteString(data.Bytes.Span);
            w.WriteTextString("phantom");
            w.WriteNull();
            w.WriteEndMap();
            w.WriteEndMap();
        });

        Assert.Equal(new DnsResolveFailedMessage(new DnsResolveFailure(ProtocolSamples.StreamKey)), MessageType.Decode(encoded));
    }

    [Fact]
    public void Messages_with_indefinite_maps_and_long_form_byte_elements_decode()
    {
        var inner = new DnsResolveFailure(ProtocolSamples.StreamKey).ToVersionedData().Bytes.ToArray();
        var elements = new List<byte>();
        foreach (byte b in inner)
        {
            elements.AddRange(b % 2 == 0 ? [0x19, 0, b] : [0x18, b]);
        }

        byte[] encoded = Raw(
            new byte[] { 0xbf }, "DnsResolveFailed", new byte[] { 0xbf }, "phantom", new byte[] { 0xf6 },
            "bytes", new byte[] { 0x9f }, elements.ToArray(), new byte[] { 0xff },
            "version", new byte[] { 0xa2 }, "minor", new byte[] { 0x01 }, "major", new byte[] { 0x00 },
            new byte[] { 0xff, 0xff });

        Assert.Equal(new DnsResolveFailedMessage(new DnsResolveFailure(ProtocolSamples.StreamKey)), MessageType.Decode(encoded));
        Assert.Equal(CoresDecodeError.TrailingBytes, Reject(() => MessageType.Decode(encoded.Append((byte)0).ToArray())));
        Assert.Equal(CoresDecodeError.Malformed, Reject(() => MessageType.Decode(encoded.AsMemory(..^1))));
    }

    [Fact]
    public void Versioned_data_byte_elements_above_255_are_refused()
    {
        byte[] encoded = Raw(
            new byte[] { 0xa1 }, "Gossip", new byte[] { 0xa3 }, "version", new byte[] { 0xa2 }, "major", new byte[] { 0x00 }, "minor", new byte[] { 0x01 },
            "bytes", new byte[] { 0x82, 0x01, 0x19, 0x01, 0x00 }, "phantom", new byte[] { 0xf6 });

        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => MessageType.Decode(encoded)));
        // Cut inside the two-byte argument of the last element.
        Assert.Equal(CoresDecodeError.Malformed, Reject(() => MessageType.Decode(encoded.AsMemory(..^10))));
    }

    [Fact]
    public void Payload_versions_follow_the_migration_rules()
    {
        var withExtra = Cbor(w =>
        {
            w.WriteStartMap(2);
            w.WriteTextString("stream_key");
            w.WriteByteString(StreamKeyBytes);
            w.WriteTextString("added_in_0_2");
            w.WriteStartArray(1);
            w.WriteStartMap(1);
            w.WriteTextString("x");
            w.WriteTag(CborTag.UnsignedBigNum);
            w.WriteByteString([1]);
            w.WriteEndMap();
            w.WriteEndArray();
            w.WriteEndMap();
        });

        Assert.Equal(ProtocolSamples.StreamKey, DnsResolveFailure.FromVersionedData(new VersionedData(new DataVersion(0, 2), withExtra)).StreamKey);
        Assert.Equal(CoresDecodeError.UnknownField, Reject(() => DnsResolveFailure.FromVersionedData(new VersionedData(DataVersion.V0_1, withExtra))));
        Assert.Equal(CoresDecodeError.UnsupportedVersion, Reject(() => DnsResolveFailure.FromVersionedData(new VersionedData(new DataVersion(1, 1), withExtra))));
        Assert.Equal(CoresDecodeError.UnsupportedVersion, Reject(() => DnsResolveFailure.FromVersionedData(new VersionedData(new DataVersion(0, 0), withExtra))));
    }

    [Fact]
    public void Unknown_fields_of_a_newer_version_may_not_nest_without_bound()
    {
        const int depth = 100_000;
        byte[] bomb = Raw(
            new byte[] { 0xa2 }, "stream_key", new byte[] { 0x54 }, StreamKeyBytes, "bomb",
            Enumerable.Repeat((byte)0x81, depth).ToArray(), new byte[] { 0x00 });

        Assert.Equal(CoresDecodeError.TooDeep, Reject(() => DnsResolveFailure.FromVersionedData(new VersionedData(new DataVersion(0, 2), bomb))));
    }

    [Fact]
    public void Client_request_fields_are_range_checked()
    {
        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => Request(streamKey: new byte[19])));
        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => Request(port: 65536)));
        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => Request(protocol: "FTP")));
        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => Request(host: "example.com\r\nHost: evil")));
        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => Request(host: "")));
        Assert.Equal(CoresDecodeError.TooLarge, Reject(() => Request(host: new string('a', 300))));
        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => Request(packet: [2, 0, 0, 0, 0, 0, 0, 0, 0])));
        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => Request(packet: [0, 0, 0])));
        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => Request(originator: [])));
        Assert.Equal("example.com:8443", Request(host: "example.com:8443").TargetHostname);
    }

    [Fact]
    public void Invalid_utf8_text_is_malformed()
    {
        byte[] bad = Raw(
            new byte[] { 0xa6 }, "stream_key", new byte[] { 0x54 }, StreamKeyBytes,
            "sequenced_packet", new byte[] { 0x49, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
            "target_hostname", new byte[] { 0x62, 0xc3, 0x28 },
            "target_port", new byte[] { 0x18, 80 }, "protocol", "HTTP", "originator_public_key", new byte[] { 0x41, 0x01 });

        Assert.Equal(CoresDecodeError.Malformed, Reject(() => ClientRequestPayload.FromVersionedData(new VersionedData(DataVersion.V0_1, bad))));
    }

    [Fact]
    public void Return_route_id_must_be_a_u32()
    {
        var cryptDe = ProtocolSamples.NullNode(1);
        var tooBig = Cbor(w => w.WriteUInt64(uint.MaxValue + 1ul));
        var text = Cbor(w => w.WriteTextString("7"));

        Assert.Equal(CoresDecodeError.InvalidValue, Reject(() => new Route([cryptDe.Seal(cryptDe.PublicKey, tooBig)]).ReadReturnRouteId(cryptDe)));
        Assert.Equal(CoresDecodeError.WrongType, Reject(() => new Route([cryptDe.Seal(cryptDe.PublicKey, text)]).ReadReturnRouteId(cryptDe)));
        Assert.Equal(CoresDecodeError.DecryptionFailed, Reject(() => new Route([new byte[3]]).ReadReturnRouteId(cryptDe)));
    }

    private static CoresDecodeError Reject(Func<object> decode) => Assert.Throws<CoresDecodeException>(decode).Error;

    private static byte[] Cbor(Action<CborWriter> write, Action<CborWriter>? end = null)
    {
        // Lax so that deliberately wrong shapes (duplicate keys…) can be written.
        var writer = new CborWriter(CborConformanceMode.Lax);
        write(writer);
        end?.Invoke(writer);
        return writer.Encode();
    }

    /// <summary>Raw CBOR for shapes CborWriter will not write: strings become short text items, byte arrays go in as they are.</summary>
    private static byte[] Raw(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (var part in parts)
        {
            if (part is string text)
            {
                var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
                if (utf8.Length < 24)
                {
                    bytes.Add((byte)(0x60 | utf8.Length));
                }
                else
                {
                    bytes.Add(0x78);
                    bytes.Add((byte)utf8.Length);
                }

                bytes.AddRange(utf8);
            }
            else
            {
                bytes.AddRange((byte[])part);
            }
        }

        return [.. bytes];
    }

    private static byte[] Hop(Action<CborWriter>? extra = null, uint component = 1) => Cbor(w =>
    {
        w.WriteStartMap(extra is null ? 3 : 4);
        w.WriteTextString("public_key");
        w.WriteByteString([1]);
        w.WriteTextString("payer");
        w.WriteNull();
        w.WriteTextString("component");
        w.WriteUInt32(component);
        extra?.Invoke(w);
        w.WriteEndMap();
    });

    private static byte[] HopWithPayer(Action<CborWriter> writeAddress, PayerProof proof) => Cbor(w =>
    {
        w.WriteStartMap(3);
        w.WriteTextString("public_key");
        w.WriteByteString([1]);
        w.WriteTextString("payer");
        w.WriteStartMap(2);
        w.WriteTextString("address");
        writeAddress(w);
        w.WriteTextString("proof");
        proof.Write(w);
        w.WriteEndMap();
        w.WriteTextString("component");
        w.WriteUInt32(1);
        w.WriteEndMap();
    });

    private static byte[] Package(byte[]? version = null, byte[][]? hops = null) => Cbor(w =>
    {
        w.WriteStartMap(3);
        w.WriteTextString("version");
        Masq.Node.Protocol.CoresCbor.WriteByteArray(w, version ?? [0, 0, 0]);
        w.WriteTextString("route");
        w.WriteStartMap(1);
        w.WriteTextString("hops");
        var list = hops ?? [[1]];
        w.WriteStartArray(list.Length);
        foreach (var hop in list)
        {
            w.WriteByteString(hop);
        }

        w.WriteEndArray();
        w.WriteEndMap();
        w.WriteTextString("payload");
        w.WriteByteString([1]);
        w.WriteEndMap();
    });

    private static byte[] Message(string variant, VersionedData data) => Cbor(w =>
    {
        w.WriteStartMap(1);
        w.WriteTextString(variant);
        w.WriteEncodedValue(data.Encode());
        w.WriteEndMap();
    });

    private static ClientRequestPayload Request(
        byte[]? streamKey = null, ulong port = 443, string protocol = "TLS", string? host = "example.com", byte[]? packet = null, byte[]? originator = null)
    {
        var bytes = Cbor(w =>
        {
            w.WriteStartMap(6);
            w.WriteTextString("stream_key");
            w.WriteByteString(streamKey ?? StreamKeyBytes);
            w.WriteTextString("sequenced_packet");
            w.WriteByteString(packet ?? [0, 0, 0, 0, 0, 0, 0, 0, 0]);
            w.WriteTextString("target_hostname");
            if (host is null)
            {
                w.WriteNull();
            }
            else
            {
                w.WriteTextString(host);
            }

            w.WriteTextString("target_port");
            w.WriteUInt64(port);
            w.WriteTextString("protocol");
            w.WriteTextString(protocol);
            w.WriteTextString("originator_public_key");
            w.WriteByteString(originator ?? [1, 2]);
            w.WriteEndMap();
        });
        return ClientRequestPayload.FromVersionedData(new VersionedData(DataVersion.V0_1, bytes));
    }
}
