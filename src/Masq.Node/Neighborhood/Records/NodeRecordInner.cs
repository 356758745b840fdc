using System.Collections.Immutable;
using System.Formats.Cbor;

using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;
using Masq.Node.Protocol;

namespace Masq.Node.Neighborhood.Records;

/// <summary>
/// The signed inner part of a NodeRecord (<c>NodeRecordInner_0v1</c>, neighborhood.md §2): what a Node certifies
/// about itself. Encoded as a CBOR map keyed by the spec's field names in declaration order; decoded by name in any
/// order, ignoring unknown keys (the migration rule). Public keys, the record's own and its neighbors', are exactly
/// 64 bytes (X25519 ‖ Ed25519); the neighbors are a set kept sorted by bytes.
/// </summary>
internal sealed class NodeRecordInner : IEquatable<NodeRecordInner>
{
    public const int PublicKeyLength = CryptDeReal.PublicKeyLength;

    /// <summary>Neighbors a record may list: honest Nodes keep about five full and a few half neighbors.</summary>
    public const int MaxNeighbors = 256;

    /// <summary>Bound on the encoded record: 257 keys of 64 bytes plus the small fields, with room to spare.</summary>
    public const int MaxEncodedLength = 32 * 1024;

    private const string What = "node record";

    public NodeRecordInner(
        PublicKey publicKey,
        WalletAddress earningWallet,
        RatePack ratePack,
        IEnumerable<PublicKey> neighbors,
        bool acceptsConnections,
        bool routesData,
        uint version,
        string? countryCode)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(earningWallet);
        ArgumentNullException.ThrowIfNull(ratePack);
        ArgumentNullException.ThrowIfNull(neighbors);
        if (publicKey.Length != PublicKeyLength)
        {
            throw new ArgumentException($"A record's public key has {PublicKeyLength} bytes, not {publicKey.Length}.", nameof(publicKey));
        }

        var sorted = neighbors.Distinct().ToImmutableArray().Sort(CompareKeys);
        if (sorted.Length > MaxNeighbors)
        {
            throw new ArgumentException($"A record lists at most {MaxNeighbors} neighbors.", nameof(neighbors));
        }

        foreach (var neighbor in sorted)
        {
            if (neighbor.Length != PublicKeyLength)
            {
                throw new ArgumentException($"A neighbor key has {PublicKeyLength} bytes, not {neighbor.Length}.", nameof(neighbors));
            }
        }

        if (countryCode is not null && !IsCountryCode(countryCode))
        {
            throw new ArgumentException("A country code is two upper-case ASCII letters.", nameof(countryCode));
        }

        PublicKey = publicKey;
        EarningWallet = earningWallet;
        RatePack = ratePack;
        Neighbors = sorted;
        AcceptsConnections = acceptsConnections;
        RoutesData = routesData;
        Version = version;
        CountryCode = countryCode;
    }

    public PublicKey PublicKey { get; }

    public WalletAddress EarningWallet { get; }

    public RatePack RatePack { get; }

    /// <summary>Ascending by bytes, without duplicates, each 64 bytes.</summary>
    public ImmutableArray<PublicKey> Neighbors { get; }

    public bool AcceptsConnections { get; }

    public bool RoutesData { get; }

    public uint Version { get; }

    /// <summary>Self-declared ISO-3166 alpha-2 code, or null when unknown.</summary>
    public string? CountryCode { get; }

    /// <summary>The encoding a Node signs; only a Node's <em>own</em> record is ever encoded (§2).</summary>
    public byte[] Encode()
    {
        var writer = CoresCbor.NewWriter(256 + (Neighbors.Length * 70));
        writer.WriteStartMap(8);
        writer.WriteTextString("public_key");
        writer.WriteByteString(PublicKey.Span);
        writer.WriteTextString("earning_wallet");
        writer.WriteStartMap(1);
        writer.WriteTextString("address");
        CoresCbor.WriteByteArray(writer, EarningWallet.Bytes);
        writer.WriteEndMap();
        writer.WriteTextString("rate_pack");
        writer.WriteStartMap(4);
        writer.WriteTextString("routing_byte_rate");
        writer.WriteUInt64(RatePack.RoutingByteRate);
        writer.WriteTextString("routing_service_rate");
        writer.WriteUInt64(RatePack.RoutingServiceRate);
        writer.WriteTextString("exit_byte_rate");
        writer.WriteUInt64(RatePack.ExitByteRate);
        writer.WriteTextString("exit_service_rate");
        writer.WriteUInt64(RatePack.ExitServiceRate);
        writer.WriteEndMap();
        writer.WriteTextString("neighbors");
        writer.WriteStartArray(Neighbors.Length);
        foreach (var neighbor in Neighbors)
        {
            writer.WriteByteString(neighbor.Span);
        }

        writer.WriteEndArray();
        writer.WriteTextString("accepts_connections");
        writer.WriteBoolean(AcceptsConnections);
        writer.WriteTextString("routes_data");
        writer.WriteBoolean(RoutesData);
        writer.WriteTextString("version");
        writer.WriteUInt32(Version);
        writer.WriteTextString("country_code_opt");
        if (CountryCode is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.WriteTextString(CountryCode);
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>Decodes untrusted bytes; throws only <see cref="CoresDecodeException"/>.</summary>
    public static NodeRecordInner Decode(ReadOnlyMemory<byte> encoded) =>
        CoresCbor.Decode(encoded, MaxEncodedLength, What, Read);

    public bool Equals(NodeRecordInner? other) =>
        other is not null
        && PublicKey.Equals(other.PublicKey)
        && EarningWallet.Equals(other.EarningWallet)
        && RatePack.Equals(other.RatePack)
        && Neighbors.SequenceEqual(other.Neighbors)
        && AcceptsConnections == other.AcceptsConnections
        && RoutesData == other.RoutesData
        && Version == other.Version
        && string.Equals(CountryCode, other.CountryCode, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as NodeRecordInner);

    public override int GetHashCode() => HashCode.Combine(PublicKey, EarningWallet, RatePack, Neighbors.Length, Version);

    private static int CompareKeys(PublicKey left, PublicKey right) => left.Span.SequenceCompareTo(right.Span);

    private static bool IsCountryCode(string text) => text.Length == 2 && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]);

    private static NodeRecordInner Read(CborReader reader)
    {
        PublicKey? publicKey = null;
        WalletAddress? wallet = null;
        RatePack? ratePack = null;
        List<PublicKey>? neighbors = null;
        bool? accepts = null;
        bool? routes = null;
        uint? version = null;
        bool countrySeen = false;
        string? country = null;

        var map = CoresCbor.ReadStartMap(reader, What);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("public_key"u8))
            {
                publicKey = publicKey is null ? ReadKey(reader, "public_key") : throw map.Duplicate("public_key");
            }
            else if (key.SequenceEqual("earning_wallet"u8))
            {
                wallet = wallet is null ? ReadWallet(reader) : throw map.Duplicate("earning_wallet");
            }
            else if (key.SequenceEqual("rate_pack"u8))
            {
                ratePack = ratePack is null ? ReadRatePack(reader) : throw map.Duplicate("rate_pack");
            }
            else if (key.SequenceEqual("neighbors"u8))
            {
                neighbors = neighbors is null ? ReadNeighbors(reader) : throw map.Duplicate("neighbors");
            }
            else if (key.SequenceEqual("accepts_connections"u8))
            {
                accepts = accepts is null ? CoresCbor.ReadBool(reader) : throw map.Duplicate("accepts_connections");
            }
            else if (key.SequenceEqual("routes_data"u8))
            {
                routes = routes is null ? CoresCbor.ReadBool(reader) : throw map.Duplicate("routes_data");
            }
            else if (key.SequenceEqual("version"u8))
            {
                version = version is null ? (uint)CoresCbor.ReadUInt(reader, uint.MaxValue, What) : throw map.Duplicate("version");
            }
            else if (key.SequenceEqual("country_code_opt"u8))
            {
                if (countrySeen)
                {
                    throw map.Duplicate("country_code_opt");
                }

                countrySeen = true;
                country = ReadCountry(reader);
            }
            else
            {
                map.UnknownKey(skip: true);
            }
        }

        // An absent Option is None for serde, so country_code_opt may be missing; every other field is required.
        return new NodeRecordInner(
            publicKey ?? throw CoresCbor.Missing(What, "public_key"),
            wallet ?? throw CoresCbor.Missing(What, "earning_wallet"),
            ratePack ?? throw CoresCbor.Missing(What, "rate_pack"),
            neighbors ?? throw CoresCbor.Missing(What, "neighbors"),
            accepts ?? throw CoresCbor.Missing(What, "accepts_connections"),
            routes ?? throw CoresCbor.Missing(What, "routes_data"),
            version ?? throw CoresCbor.Missing(What, "version"),
            country);
    }

    private static PublicKey ReadKey(CborReader reader, string field)
    {
        var bytes = CoresCbor.ReadBytes(reader, CoresLimits.MaxPublicKeyLength, What);
        return bytes.Length == PublicKeyLength
            ? new PublicKey(bytes.Span)
            : throw CoresCbor.Invalid(What, $"{field} has {bytes.Length} bytes, not {PublicKeyLength}");
    }

    private static WalletAddress ReadWallet(CborReader reader)
    {
        const string field = "earning_wallet";
        ReadOnlyMemory<byte>? address = null;
        var map = CoresCbor.ReadStartMap(reader, field);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("address"u8))
            {
                address = address is null ? CoresCbor.ReadByteArray(reader, WalletAddress.Length, field) : throw map.Duplicate("address");
            }
            else
            {
                map.UnknownKey(skip: true);
            }
        }

        var bytes = address ?? throw CoresCbor.Missing(field, "address");
        return bytes.Length == WalletAddress.Length
            ? WalletAddress.FromBytes(bytes.Span)
            : throw CoresCbor.Invalid(field, $"address is not {WalletAddress.Length} bytes");
    }

    private static RatePack ReadRatePack(CborReader reader)
    {
        const string field = "rate_pack";
        ulong? routingByte = null;
        ulong? routingService = null;
        ulong? exitByte = null;
        ulong? exitService = null;
        var map = CoresCbor.ReadStartMap(reader, field);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("routing_byte_rate"u8))
            {
                routingByte = routingByte is null ? reader.ReadUInt64() : throw map.Duplicate("routing_byte_rate");
            }
            else if (key.SequenceEqual("routing_service_rate"u8))
            {
                routingService = routingService is null ? reader.ReadUInt64() : throw map.Duplicate("routing_service_rate");
            }
            else if (key.SequenceEqual("exit_byte_rate"u8))
            {
                exitByte = exitByte is null ? reader.ReadUInt64() : throw map.Duplicate("exit_byte_rate");
            }
            else if (key.SequenceEqual("exit_service_rate"u8))
            {
                exitService = exitService is null ? reader.ReadUInt64() : throw map.Duplicate("exit_service_rate");
            }
            else
            {
                map.UnknownKey(skip: true);
            }
        }

        return new RatePack(
            routingByte ?? throw CoresCbor.Missing(field, "routing_byte_rate"),
            routingService ?? throw CoresCbor.Missing(field, "routing_service_rate"),
            exitByte ?? throw CoresCbor.Missing(field, "exit_byte_rate"),
            exitService ?? throw CoresCbor.Missing(field, "exit_service_rate"));
    }

    /// <summary>
    /// A serde BTreeSet: written sorted. Any order is accepted (the signature covers the received bytes, not this
    /// list), but a repeated key is refused rather than silently merged: an honest encoder never writes one.
    /// </summary>
    private static List<PublicKey> ReadNeighbors(CborReader reader)
    {
        int? count = reader.ReadStartArray();
        if (count > MaxNeighbors)
        {
            throw CoresCbor.TooLarge(What, "neighbors");
        }

        var keys = new List<PublicKey>();
        var seen = new HashSet<PublicKey>();
        while (reader.PeekState() != CborReaderState.EndArray)
        {
            if (keys.Count == MaxNeighbors)
            {
                throw CoresCbor.TooLarge(What, "neighbors");
            }

            var neighbor = ReadKey(reader, "a neighbor key");
            if (!seen.Add(neighbor))
            {
                throw CoresCbor.Invalid(What, "neighbors lists a key twice");
            }

            keys.Add(neighbor);
        }

        reader.ReadEndArray();
        return keys;
    }

    private static string? ReadCountry(CborReader reader)
    {
        if (CoresCbor.TryReadNull(reader))
        {
            return null;
        }

        string text = CoresCbor.ReadText(reader, 8, What);
        return IsCountryCode(text) ? text : throw CoresCbor.Invalid(What, "country_code_opt is not two upper-case letters");
    }
}
