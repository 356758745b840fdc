using System.Formats.Cbor;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Masq.Lib.Neighborhood;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Protocol;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary>
/// One gossip message, <c>Gossip_0v1 {node_records: [GossipNodeRecord]}</c> (neighborhood.md §2, §3.1), carried in a
/// <see cref="GossipMessage"/> at data version 0.1. From <c>Masq.Node.Neighborhood</c> write <c>Gossip.Gossip</c>:
/// there the simple name finds this namespace first.
/// </summary>
/// <remarks>
/// Wire form of a record: <c>{signed_data: bytes, signature: bytes, node_addr_opt: null | {ip_addr, ports: [u16]}}</c>.
/// <c>ip_addr</c> is written as serde's non-human-readable <c>IpAddr</c>, <c>{"V4": [a, b, c, d]}</c> (or
/// <c>{"V6": [16 uints]}</c>), which the spec believes serde_cbor produces (unverified against real bytes). The reader
/// also accepts the octets as a byte string and the address as plain text (<c>"1.2.3.4"</c>, canonical form only),
/// so that either guess about the reference interoperates. <c>signed_data</c> and <c>signature</c> are written as
/// byte strings; arrays of uints are accepted too.
/// </remarks>
internal sealed class Gossip
{
    /// <summary>
    /// Records in one message. §8: no explicit limit exists in the reference; a radius-3 patch at degree 5 is about 106
    /// records, and the 1 MiB payload limit caps a message near 1,500 real records anyway. This bounds allocation first.
    /// </summary>
    public const int MaxRecords = 2048;

    /// <summary>Ports in one NodeAddr; honest Nodes list a handful.</summary>
    public const int MaxPorts = 64;

    private const string What = "gossip";

    public Gossip(IEnumerable<GossipNodeRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        NodeRecords = records.ToArray();
        if (NodeRecords.Count > MaxRecords)
        {
            throw new ArgumentException($"A gossip message carries at most {MaxRecords} records.", nameof(records));
        }
    }

    public IReadOnlyList<GossipNodeRecord> NodeRecords { get; }

    public GossipMessage ToMessage()
    {
        int hint = 16;
        foreach (var record in NodeRecords)
        {
            hint += record.Record.SignedData.Length + record.Record.Signature.Length + 96;
        }

        return new GossipMessage(VersionedData.Create(DataVersion.V0_1, hint, Write));
    }

    /// <summary>Decodes an untrusted message; signatures are not checked here (the acceptor does that).</summary>
    /// <exception cref="CoresDecodeException">Anything malformed or over a limit; nothing else is thrown.</exception>
    public static Gossip Decode(GossipMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Data.DecodePayload(DataVersion.V0_1, What, Read);
    }

    private void Write(CborWriter writer)
    {
        writer.WriteStartMap(1);
        writer.WriteTextString("node_records");
        writer.WriteStartArray(NodeRecords.Count);
        foreach (var record in NodeRecords)
        {
            writer.WriteStartMap(3);
            writer.WriteTextString("signed_data");
            writer.WriteByteString(record.Record.SignedData.Span);
            writer.WriteTextString("signature");
            writer.WriteByteString(record.Record.Signature.Span);
            writer.WriteTextString("node_addr_opt");
            if (record.NodeAddr is null)
            {
                writer.WriteNull();
            }
            else
            {
                WriteNodeAddr(writer, record.NodeAddr);
            }

            writer.WriteEndMap();
        }

        writer.WriteEndArray();
        writer.WriteEndMap();
    }

    private static void WriteNodeAddr(CborWriter writer, NodeAddr address)
    {
        writer.WriteStartMap(2);
        writer.WriteTextString("ip_addr");
        writer.WriteStartMap(1);
        writer.WriteTextString(address.Ip.AddressFamily == AddressFamily.InterNetworkV6 ? "V6" : "V4");
        CoresCbor.WriteByteArray(writer, address.Ip.GetAddressBytes());
        writer.WriteEndMap();
        writer.WriteTextString("ports");
        writer.WriteStartArray(address.Ports.Length);
        foreach (int port in address.Ports)
        {
            writer.WriteUInt32((uint)port);
        }

        writer.WriteEndArray();
        writer.WriteEndMap();
    }

    private static Gossip Read(CborReader reader, bool lenient)
    {
        List<GossipNodeRecord>? records = null;
        var map = CoresCbor.ReadStartMap(reader, What);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("node_records"u8))
            {
                records = records is null ? ReadRecords(reader, lenient) : throw map.Duplicate("node_records");
            }
            else
            {
                map.UnknownKey(lenient);
            }
        }

        return new Gossip(records ?? throw CoresCbor.Missing(What, "node_records"));
    }

    private static List<GossipNodeRecord> ReadRecords(CborReader reader, bool lenient)
    {
        int? count = reader.ReadStartArray();
        if (count > MaxRecords)
        {
            throw CoresCbor.TooLarge(What, "node records");
        }

        var records = new List<GossipNodeRecord>(Math.Min(count ?? 16, 256));
        while (reader.PeekState() != CborReaderState.EndArray)
        {
            if (records.Count == MaxRecords)
            {
                throw CoresCbor.TooLarge(What, "node records");
            }

            records.Add(ReadRecord(reader, lenient));
        }

        reader.ReadEndArray();
        return records;
    }

    private static GossipNodeRecord ReadRecord(CborReader reader, bool lenient)
    {
        const string what = "gossip node record";
        ReadOnlyMemory<byte>? signedData = null;
        ReadOnlyMemory<byte>? signature = null;
        bool addressSeen = false;
        NodeAddr? address = null;
        var map = CoresCbor.ReadStartMap(reader, what);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("signed_data"u8))
            {
                signedData = signedData is null
                    ? CoresCbor.ReadByteArray(reader, NodeRecordInner.MaxEncodedLength, what)
                    : throw map.Duplicate("signed_data");
            }
            else if (key.SequenceEqual("signature"u8))
            {
                signature = signature is null
                    ? CoresCbor.ReadByteArray(reader, SignedNodeRecord.MaxSignatureLength, what)
                    : throw map.Duplicate("signature");
            }
            else if (key.SequenceEqual("node_addr_opt"u8))
            {
                if (addressSeen)
                {
                    throw map.Duplicate("node_addr_opt");
                }

                addressSeen = true;
                address = CoresCbor.TryReadNull(reader) ? null : ReadNodeAddr(reader, lenient);
            }
            else
            {
                map.UnknownKey(lenient);
            }
        }

        // An absent Option is None for serde; the signed bytes and signature are required.
        var data = signedData ?? throw CoresCbor.Missing(what, "signed_data");
        var sig = signature ?? throw CoresCbor.Missing(what, "signature");
        return new GossipNodeRecord(SignedNodeRecord.FromReceived(data.Span, sig.Span), address);
    }

    private static NodeAddr ReadNodeAddr(CborReader reader, bool lenient)
    {
        const string what = "node address";
        IPAddress? ip = null;
        List<int>? ports = null;
        var map = CoresCbor.ReadStartMap(reader, what);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("ip_addr"u8))
            {
                ip = ip is null ? ReadIp(reader) : throw map.Duplicate("ip_addr");
            }
            else if (key.SequenceEqual("ports"u8))
            {
                ports = ports is null ? ReadPorts(reader) : throw map.Duplicate("ports");
            }
            else
            {
                map.UnknownKey(lenient);
            }
        }

        return new NodeAddr(ip ?? throw CoresCbor.Missing(what, "ip_addr"), ports ?? throw CoresCbor.Missing(what, "ports"));
    }

    private static IPAddress ReadIp(CborReader reader)
    {
        const string what = "ip_addr";
        if (reader.PeekState() is CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString)
        {
            // Text only in canonical form, so that "1", octal parts or scope ids cannot smuggle in an unexpected address.
            string text = CoresCbor.ReadText(reader, 45, what);
            return IPAddress.TryParse(text, out var parsed)
                && (parsed.AddressFamily != AddressFamily.InterNetworkV6 || parsed.ScopeId == 0)
                && string.Equals(parsed.ToString(), text, StringComparison.Ordinal)
                ? Normalize(parsed)
                : throw CoresCbor.Invalid(what, "not an IP address in canonical text form");
        }

        int? count = reader.ReadStartMap();
        if (count != 1)
        {
            throw CoresCbor.Invalid(what, "an IP variant has exactly one entry");
        }

        var variant = reader.ReadDefiniteLengthTextStringBytes().Span;
        int length = variant.SequenceEqual("V4"u8) ? 4
            : variant.SequenceEqual("V6"u8) ? 16
            : throw new CoresDecodeException(CoresDecodeError.UnknownVariant, $"{what} has an unknown variant.");
        var octets = CoresCbor.ReadByteArray(reader, length, what);
        reader.ReadEndMap();
        return octets.Length == length
            ? Normalize(new IPAddress(octets.Span))
            : throw CoresCbor.Invalid(what, $"an address of this family has {length} octets");
    }

    /// <summary>An IPv4-mapped IPv6 address is the IPv4 address, so that it cannot dodge the acceptor's IP comparisons.</summary>
    private static IPAddress Normalize(IPAddress ip) => ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;

    private static List<int> ReadPorts(CborReader reader)
    {
        int? count = reader.ReadStartArray();
        if (count > MaxPorts)
        {
            throw CoresCbor.TooLarge("node address", "ports");
        }

        var ports = new List<int>();
        while (reader.PeekState() != CborReaderState.EndArray)
        {
            if (ports.Count == MaxPorts)
            {
                throw CoresCbor.TooLarge("node address", "ports");
            }

            ulong port = CoresCbor.ReadUInt(reader, ushort.MaxValue, "node address");
            if (port < NodeAddr.MinPort)
            {
                throw CoresCbor.Invalid("node address", string.Create(CultureInfo.InvariantCulture, $"port {port} is below {NodeAddr.MinPort}"));
            }

            ports.Add((int)port);
        }

        reader.ReadEndArray();
        return ports;
    }
}
