using Masq.Node.Cells;
using Masq.Node.Crypto;
using Masq.Node.Tests.Crypto;

namespace Masq.Node.Tests.Cells;

/// <summary>
/// Nodes with real keys and real relays, and a "wire" that carries each cell to the next Node and records it per
/// link. Node 0 is the originator; peer numbers are Node numbers.
/// </summary>
internal sealed class CellMesh
{
    public const long Originator = 0;

    public CellMesh(int nodes, int tableCapacity = 1024, TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        Identities = Enumerable.Range(0, nodes).Select(_ => (ICryptDE)CryptDeReal.Generate(TestChains.BaseSepolia)).ToArray();
        var directory = new FixedPeerDirectory(Identities);
        Tables = new RouteTable[nodes];
        Relays = Identities.Select((identity, i) =>
        {
            var counters = new CellCounters();
            Tables[i] = new RouteTable(counters, tableCapacity);
            return new CellRelay(identity, directory, Tables[i], counters, Time, TimeSpan.FromHours(1));
        }).ToArray();
    }

    public RouteTable[] Tables { get; }

    public TimeProvider Time { get; }

    public ICryptDE[] Identities { get; }

    public CellRelay[] Relays { get; private set; }

    /// <summary>Every cell that crossed a link, with the Nodes at its ends.</summary>
    public List<(long From, long To, byte[] Cell)> Wire { get; } = [];

    /// <summary>When set, called on each cell as a Node sends it on, before it is recorded (a dishonest relay).</summary>
    public Action<long, byte[]>? Tamper { get; set; }

    public OriginRoute Build(int hops, out long[] path)
    {
        path = Enumerable.Range(1, hops).Select(i => (long)i).ToArray();
        var route = path.Select(i => new RouteHop(Identities[i].PublicKey, new byte[] { (byte)i, 0xAA })).ToArray();
        return OriginRoute.Create(Identities[0], route, Time.GetUtcNow().AddMinutes(10));
    }

    /// <summary>Restarts a Node's cell layer: its routes are gone.</summary>
    public void Restart(long node)
    {
        var counters = new CellCounters();
        Relays[node] = new CellRelay(Identities[node], new FixedPeerDirectory(Identities), new RouteTable(counters, 1024), counters, Time, TimeSpan.FromHours(1));
    }

    /// <summary>The buffer the last Node processed (in place): a delivered body is read from it.</summary>
    public byte[] Last { get; private set; } = [];

    /// <summary>The kind of the last cell that reached the originator.</summary>
    public CellKind ArrivedKind => CellFormat.ReadKind(Wire.Last(w => w.To == Originator).Cell);

    /// <summary>
    /// Carries <paramref name="cell"/> from <paramref name="from"/> to <paramref name="to"/> and on, hop by hop,
    /// until a Node does something other than send it on. Arriving at the originator counts as such an outcome
    /// (<see cref="CellAction.Send"/> to <see cref="Originator"/>; see <see cref="ArrivedKind"/>).
    /// </summary>
    public CellOutcome Carry(long from, long to, byte[] cell)
    {
        while (true)
        {
            Tamper?.Invoke(from, cell);
            Wire.Add((from, to, cell.ToArray()));
            Last = cell;
            if (to == Originator)
            {
                return new CellOutcome(CellAction.Send, Originator);
            }

            var outcome = Relays[to].Process(from, cell);
            switch (outcome.Action)
            {
                case CellAction.Send:
                    (from, to) = (to, outcome.Peer);
                    continue;
                case CellAction.ReplyUnknownRoute:
                    // The Node answers with a small control cell, which travels on like any other.
                    cell = new byte[CellFormat.SmallLength];
                    CellFormat.WriteControl(cell, outcome.Label, CellKind.UnknownRoute);
                    (from, to) = (to, outcome.Peer);
                    continue;
                default:
                    return outcome;
            }
        }
    }

    /// <summary>A forward cell with <paramref name="body"/> (the setup cell if the route has sent nothing yet).</summary>
    public static byte[] ForwardCell(OriginRoute route, ReadOnlySpan<byte> body, int length = CellFormat.LargeLength)
    {
        var cell = new byte[length];
        var range = route.BodyRange(length);
        body.CopyTo(cell.AsSpan(range));
        route.SealForward(cell);
        return cell;
    }
}
