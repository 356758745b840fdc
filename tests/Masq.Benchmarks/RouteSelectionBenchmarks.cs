using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Database;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Neighborhood.Routes;

namespace Masq.Benchmarks;

/// <summary>
/// Route selection (neighborhood.md §5) on a seeded random 100-Node mesh of average degree 5 with random rates: the
/// whole query (snapshot + both legs), the legs over a prebuilt snapshot, a query with an exit-country preference that
/// only 5 % of the Nodes satisfy (so the over leg may run past min-hops), the same mesh with every rate equal (no cost
/// gradient steers the search; the unit tests count its visits, this times it), the exit-country listing and the
/// snapshot alone.
/// </summary>
[MemoryDiagnoser]
public class RouteSelectionBenchmarks
{
    private const int Nodes = 100;
    private const int Degree = 5;
    private const int Seed = 20_261_125;
    private const int Payload = 1_500;

    private readonly RouteSelector _selector = new();
    private NeighborhoodDatabase _db = null!;
    private NeighborhoodDatabase _equalRates = null!;
    private RouteGraph _graph = null!;
    private ExitCountryRule _rareCountry = null!;

    [Params(3, 6)]
    public int MinHops { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _db = BuildMesh(equalRates: false);
        _equalRates = BuildMesh(equalRates: true);
        _graph = RouteGraph.Build(_db);
        _rareCountry = new ExitCountryRule(true, static c => c == "FR");
        if (_selector.FindRoundTrip(_db, MinHops, "example.com", Payload, ExitCountryRule.None, true) is null
            || _selector.FindRoundTrip(_db, MinHops, "example.com", Payload, _rareCountry, true) is null)
        {
            throw new InvalidOperationException("The benchmark mesh has no route.");
        }
    }

    [Benchmark(Description = "FindRoundTrip (snapshot + both legs)")]
    public int FindRoundTrip() => _selector.FindRoundTrip(_db, MinHops, "example.com", Payload, ExitCountryRule.None, true)!.Back.Count;

    [Benchmark(Description = "FindRoundTrip over a prebuilt snapshot")]
    public int FindRoundTripPrebuilt() => _selector.FindRoundTrip(_graph, MinHops, "example.com", Payload, ExitCountryRule.None, true)!.Back.Count;

    [Benchmark(Description = "FindRoundTrip, exit country on 5% of Nodes")]
    public int FindRoundTripWithCountry() => _selector.FindRoundTrip(_db, MinHops, "example.com", Payload, _rareCountry, true)!.Back.Count;

    [Benchmark(Description = "FindRoundTrip, all rates equal")]
    public int FindRoundTripEqualRates() => _selector.FindRoundTrip(_equalRates, MinHops, "example.com", Payload, ExitCountryRule.None, true)!.Back.Count;

    [Benchmark(Description = "AvailableExitCountries")]
    public IReadOnlyList<string> AvailableExitCountries() => _selector.AvailableExitCountries(_db, MinHops);

    [Benchmark(Description = "RouteGraph.Build (snapshot only)")]
    public int BuildSnapshot() => RouteGraph.Build(_db).MaxDegree;

    /// <summary>Node 0 is the root; a ring keeps the mesh connected, random full links bring the average degree to 5.</summary>
    private static NeighborhoodDatabase BuildMesh(bool equalRates)
    {
        var random = new Random(Seed);
        string[] countries = ["DE", "US", "JP", "NL", "GB", "CA", "SE", "CH", "AT", "BE", "ES", "IT", "PL", "CZ", "DK", "NO", "FI", "IE", "PT", "FR"];
        var signers = new CryptDeReal[Nodes];
        var rates = new RatePack[Nodes];
        var country = new string[Nodes];
        var neighbors = new HashSet<int>[Nodes];
        for (int i = 0; i < Nodes; i++)
        {
            signers[i] = Key(i);
            rates[i] = new RatePack(
                (ulong)random.Next(1, 100), (ulong)random.Next(1_000, 100_000), (ulong)random.Next(1, 200), (ulong)random.Next(1_000, 200_000));
            if (equalRates)
            {
                rates[i] = new RatePack(10, 10_000, 20, 20_000);
            }
            country[i] = i % 20 == 19 ? "FR" : countries[random.Next(countries.Length - 1)];
            neighbors[i] = [];
        }

        for (int i = 0; i < Nodes; i++)
        {
            int j = (i + 1) % Nodes;
            neighbors[i].Add(j);
            neighbors[j].Add(i);
        }

        for (int added = 0; added < (Degree - 2) * Nodes / 2;)
        {
            int a = random.Next(Nodes);
            int b = random.Next(Nodes);
            if (a != b && neighbors[a].Add(b))
            {
                neighbors[b].Add(a);
                added++;
            }
        }

        NodeRecordInner Inner(int i) => new(
            signers[i].PublicKey,
            WalletAddress.FromBytes(SHA256.HashData(BitConverter.GetBytes(i)).AsSpan(0, WalletAddress.Length)),
            rates[i],
            neighbors[i].Select(n => signers[n].PublicKey),
            acceptsConnections: true,
            routesData: true,
            version: 0,
            country[i]);

        var db = new NeighborhoodDatabase(signers[0], Inner(0), null, TimeProvider.System);
        for (int i = 1; i < Nodes; i++)
        {
            var inner = Inner(i);
            db.Add(new NodeRecord(SignedNodeRecord.Create(signers[i], inner), inner, null, DateTimeOffset.UnixEpoch));
        }

        return db;
    }

    private static CryptDeReal Key(int i)
    {
        byte[] exported = new byte[CryptDeReal.ExportedKeyPairLength];
        exported[0] = 1;
        SHA512.HashData(Encoding.UTF8.GetBytes($"route-bench:{i}")).AsSpan(0, 64).CopyTo(exported.AsSpan(1));
        return CryptDeReal.Import(exported, Convert.FromHexString("898e1ce720084a902bc37dd822ed6d6a5f027e10"));
    }
}
