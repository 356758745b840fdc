using BenchmarkDotNet.Attributes;
using Masq.Node.Cells;
using Masq.Node.Crypto;

namespace Masq.Benchmarks;

/// <summary>
/// The version-2 cell layer (docs/protocol.md §2): one relay hop per cell in each direction (the figure the aim of
/// 300 k cells/s/core is about), the originator's work per cell on a 3-hop route, and the cost of setting a route up.
/// </summary>
[MemoryDiagnoser]
public class CellBenchmarks
{
    private static readonly byte[] Contract = Convert.FromHexString("898e1ce720084a902bc37dd822ed6d6a5f027e10");

    private ICryptDE[] _nodes = null!;
    private CellRelay[] _relays = null!;
    private OriginRoute _route = null!;
    private byte[] _cell = null!;
    private ulong _forwardLabel;
    private ulong _forwardOffset;
    private ulong _backwardLabel;
    private ulong _backwardOffset;
    private ulong _sequence;

    [Params(CellFormat.SmallLength, CellFormat.LargeLength)]
    public int CellLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _nodes = Enumerable.Range(0, 4).Select(_ => (ICryptDE)CryptDeReal.Generate(Contract)).ToArray();
        var directory = new Directory(_nodes);
        _relays = _nodes.Select(node =>
        {
            var counters = new CellCounters();
            return new CellRelay(node, directory, new RouteTable(counters), counters, TimeProvider.System, TimeSpan.FromHours(1));
        }).ToArray();

        _route = NewRoute();
        var setup = new byte[CellFormat.LargeLength];
        _route.SealForward(setup);
        _forwardLabel = CellFormat.ReadLabel(setup);
        _forwardOffset = CellFormat.ReadCounter(setup);
        var relayed = _relays[1].Process(0, setup);
        _backwardLabel = relayed.Label;
        _backwardOffset = CellFormat.ReadCounter(setup);
        _cell = new byte[CellLength];
        _sequence = 0;
        // The figures are only worth something if the cells are relayed, not dropped.
        if (RelayForward() != (int)CellAction.Send || RelayBackward() != (int)CellAction.Send || RouteSetup() != (int)CellAction.Deliver)
        {
            throw new InvalidOperationException("The benchmark's cells are not relayed.");
        }
    }

    /// <summary>A relay removes its layer from a cell towards the exit: lookup, replay window, ChaCha20, new header.</summary>
    [Benchmark(Description = "relay hop, towards the exit")]
    public int RelayForward()
    {
        CellFormat.WriteHeader(_cell, _forwardLabel, CellKind.Forward, ++_sequence + _forwardOffset);
        return (int)_relays[1].Process(0, _cell).Action;
    }

    /// <summary>A relay adds its layer to a cell towards the originator.</summary>
    [Benchmark(Description = "relay hop, towards the originator")]
    public int RelayBackward()
    {
        CellFormat.WriteHeader(_cell, _backwardLabel, CellKind.Backward, ++_sequence + _backwardOffset);
        return (int)_relays[1].Process(2, _cell).Action;
    }

    /// <summary>The originator seals a cell for a 3-hop route: the exit's ChaCha20-Poly1305 and two relay layers.</summary>
    [Benchmark(Description = "originator wrap, 3 hops")]
    public void OriginatorWrap() => _route.SealForward(_cell);

    /// <summary>A whole route set up: 3 entries sealed, the setup cell built, and each of the 3 hops opening its entry.</summary>
    [Benchmark(Description = "route setup, 3 hops, all Nodes")]
    public int RouteSetup()
    {
        var route = NewRoute();
        var cell = new byte[CellFormat.LargeLength];
        route.SealForward(cell);
        long from = 0;
        for (int hop = 1; hop <= 3; hop++)
        {
            var outcome = _relays[hop].Process(from, cell);
            if (outcome.Action != CellAction.Send)
            {
                return (int)outcome.Action;
            }

            from = hop;
        }

        return (int)CellAction.Drop;
    }

    private OriginRoute NewRoute() => OriginRoute.Create(
        _nodes[0],
        [new RouteHop(_nodes[1].PublicKey, new byte[85]), new RouteHop(_nodes[2].PublicKey, new byte[85]), new RouteHop(_nodes[3].PublicKey, new byte[85])],
        DateTimeOffset.UtcNow.AddHours(1));

    private sealed class Directory(ICryptDE[] nodes) : IPeerDirectory
    {
        public bool TryGetPeer(PublicKey node, out long peer)
        {
            peer = Array.FindIndex(nodes, n => n.PublicKey == node);
            return peer >= 0;
        }
    }
}
