using System.Formats.Cbor;
using Masq.Node.Crypto;
using Masq.Node.Protocol;

namespace Masq.Node.Tests.Protocol;

/// <summary>
/// One fuzz target per decoder of untrusted bytes (fixed seeds, thousands of cases each). Accepted inputs must also
/// re-encode to something that decodes to the same record.
/// </summary>
public sealed class DecoderFuzzTests : IDisposable
{
    private readonly PayerSigner _payer = ProtocolSamples.PayerSigner();

    public void Dispose() => _payer.Dispose();

    [Fact]
    public void Live_cores_package_decoder()
    {
        var (route, _) = ProtocolSamples.NullRoundTrip(_payer);
        var (plainRoute, _) = ProtocolSamples.NullRoundTrip(payer: null);
        byte[][] seeds =
        [
            new LiveCoresPackage(route, new byte[] { 1, 2, 3 }).Encode(),
            new LiveCoresPackage(plainRoute, new byte[300]).Encode(),
            new LiveCoresPackage(new Route([new byte[] { 0x40 }]), ReadOnlyMemory<byte>.Empty).Encode(),
        ];

        var outcome = FuzzHarness.Run("LiveCoresPackage.Decode", seeds, seed: 1, input =>
        {
            var decoded = LiveCoresPackage.Decode(input);
            Assert.Equal(decoded, LiveCoresPackage.Decode(decoded.Encode()));
        });

        AssertBothOutcomes(outcome);
    }

    [Fact]
    public void Sealed_live_cores_package_opener()
    {
        var node = ProtocolSamples.NullNode(50);
        var (route, _) = ProtocolSamples.NullRoundTrip(_payer);
        // CryptDeNull sealing is a key prefix, so mutations reach the CBOR decoder behind the decryption step.
        byte[][] seeds = [new LiveCoresPackage(route, new byte[] { 9 }).Seal(node, node.PublicKey)];

        var outcome = FuzzHarness.Run("LiveCoresPackage.Open", seeds, seed: 2, input => LiveCoresPackage.Open(node, input.Span));

        AssertBothOutcomes(outcome);
    }

    [Fact]
    public void Live_hop_decoder()
    {
        var reader = ProtocolSamples.NullNode(1).PublicKey;
        byte[][] seeds =
        [
            new LiveHop(reader, _payer.SignFor(reader), Component.Hopper).Encode(),
            new LiveHop(PublicKey.Empty, null, Component.ProxyServer).Encode(),
            new LiveHop(new PublicKey(new byte[64]), _payer.SignFor(reader), Component.ProxyClient).Encode(),
        ];

        var outcome = FuzzHarness.Run("LiveHop.Decode", seeds, seed: 3, input =>
        {
            var decoded = LiveHop.Decode(input);
            Assert.Equal(decoded, LiveHop.Decode(decoded.Encode()));
            // A mutated proof may or may not recover; either way it must not throw.
            decoded.PayerOwnsSecretKey(new byte[32]);
        });

        AssertBothOutcomes(outcome);
    }

    [Fact]
    public void Sealed_hop_and_return_route_id_openers_with_real_crypto()
    {
        var node = CryptDeReal.Generate(Crypto.TestChains.Dev);
        var route = Route.RoundTrip(
            new RouteSegment([node.PublicKey, node.PublicKey], Component.ProxyClient),
            new RouteSegment([node.PublicKey, node.PublicKey], Component.ProxyServer),
            node,
            _payer,
            5);
        byte[][] seeds = [.. route.Hops.Select(h => h.ToArray())];

        // Any change to a sealed box makes it fail authentication: almost everything is DecryptionFailed.
        var outcome = FuzzHarness.Run("LiveHop.Open", seeds, seed: 4, input =>
        {
            _ = LiveHop.Open(node, input.Span);
        }, cases: 2000);
        var idOutcome = FuzzHarness.Run("Route.ReadReturnRouteId", seeds, seed: 5, input =>
        {
            _ = new Route([input]).ReadReturnRouteId(node);
        }, cases: 2000);

        Assert.True(outcome.Rejected > 0);
        Assert.True(idOutcome.Rejected > 0);
    }

    [Fact]
    public void Message_decoder()
    {
        var originator = ProtocolSamples.NullNode(3).PublicKey;
        byte[][] seeds = [.. ProtocolSamples.Messages(originator).Select(m => m.Encode())];

        var outcome = FuzzHarness.Run("MessageType.Decode", seeds, seed: 6, input =>
        {
            var decoded = MessageType.Decode(input);
            Assert.Equal(decoded, MessageType.Decode(decoded.Encode()));
        });

        AssertBothOutcomes(outcome);
    }

    [Fact]
    public void Payload_decoders_at_the_known_and_a_newer_version()
    {
        var originator = ProtocolSamples.NullNode(3).PublicKey;
        byte[][] seeds =
        [
            ProtocolSamples.Request(originator).ToVersionedData().Bytes.ToArray(),
            ProtocolSamples.Request(originator, 0, host: null).ToVersionedData().Bytes.ToArray(),
            ProtocolSamples.Response().ToVersionedData().Bytes.ToArray(),
            new DnsResolveFailure(ProtocolSamples.StreamKey).ToVersionedData().Bytes.ToArray(),
            new ServerFailure(ProtocolSamples.StreamKey, ServerFailureKind.ResponseTimedOut, 3).ToVersionedData().Bytes.ToArray(),
        ];

        foreach (var version in new[] { DataVersion.V0_1, new DataVersion(0, 9) })
        {
            var outcome = FuzzHarness.Run($"payloads {version}", seeds, seed: 7 + version.Minor, input =>
            {
                var data = new VersionedData(version, input);
                TryDecode(() => ClientRequestPayload.FromVersionedData(data));
                TryDecode(() => ClientResponsePayload.FromVersionedData(data));
                TryDecode(() => DnsResolveFailure.FromVersionedData(data));
                TryDecode(() => ServerFailure.FromVersionedData(data));
            });

            Assert.True(outcome.Accepted > 0);
        }
    }

    [Fact]
    public void Fast_byte_array_reader_agrees_with_System_Formats_Cbor()
    {
        // Differential: the hand-written reader of VersionedData's bytes against CborReader on the same inputs,
        // in every encoding a valid writer could choose (shortest, 1-, 2-, 4-byte arguments, indefinite arrays).
        var random = new Random(30);
        for (int i = 0; i < 2000; i++)
        {
            var values = new byte[random.Next(0, 64)];
            random.NextBytes(values);
            var encoded = new List<byte>();
            bool indefinite = random.Next(4) == 0;
            encoded.Add(indefinite ? (byte)0x9f : (byte)0x98);
            if (!indefinite)
            {
                encoded.Add((byte)values.Length);
            }

            foreach (byte v in values)
            {
                switch (random.Next(4))
                {
                    case 0 when v < 24:
                        encoded.Add(v);
                        break;
                    case 1:
                        encoded.AddRange([0x19, 0, v]);
                        break;
                    case 2:
                        encoded.AddRange([0x1a, 0, 0, 0, v]);
                        break;
                    default:
                        encoded.AddRange([0x18, v]);
                        break;
                }
            }

            if (indefinite)
            {
                encoded.Add(0xff);
            }

            byte[] bytes = [.. encoded];
            if (i % 3 == 0 && bytes.Length > 0)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            string? fast = Outcome(() =>
            {
                var reader = new CborSpanReader(bytes, "differential");
                var result = reader.ReadByteArray(CoresLimits.MaxPackageLength);
                reader.ExpectEnd();
                return result;
            });
            string? reference = Outcome(() => CoresCbor.Decode(bytes, CoresLimits.MaxPackageLength, "differential", r => CoresCbor.ReadByteArray(r, CoresLimits.MaxPackageLength, "differential")));

            // Both reject or both accept the same bytes (byte strings are not generated, so success means an array).
            Assert.True(fast == reference, $"case {i}: fast {fast ?? "rejected"} vs reference {reference ?? "rejected"} for {Convert.ToHexString(bytes)}");
        }
    }

    [Fact]
    public void Sequenced_packet_decoder()
    {
        byte[][] seeds =
        [
            new SequencedPacket(new byte[] { 1, 2, 3 }, 7, false).Encode(),
            new SequencedPacket(ReadOnlyMemory<byte>.Empty, 0, true).Encode(),
        ];

        var outcome = FuzzHarness.Run("SequencedPacket.Decode", seeds, seed: 20, input =>
        {
            var decoded = SequencedPacket.Decode(input);
            Assert.Equal(decoded, SequencedPacket.Decode(decoded.Encode()));
        });

        AssertBothOutcomes(outcome);
    }

    private static string? Outcome(Func<ReadOnlyMemory<byte>> decode)
    {
        try
        {
            return Convert.ToHexString(decode().Span);
        }
        catch (CoresDecodeException)
        {
            return null;
        }
    }

    private static void TryDecode(Action decode)
    {
        try
        {
            decode();
        }
        catch (CoresDecodeException)
        {
            // Typed rejection by one payload decoder; the harness checks the others still run.
        }
    }

    private static void AssertBothOutcomes(FuzzOutcome outcome)
    {
        Assert.True(outcome.Rejected > 0, "the fuzzer produced no rejected input");
        Assert.True(outcome.Accepted > 0, "the fuzzer produced no accepted input");
    }
}
