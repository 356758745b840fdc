using System.Security.Cryptography;
using Masq.Node.Cells;

namespace Masq.Node.Tests.Cells;

/// <summary>Routes of 1–6 hops through real relays: setup, data both ways, tampering, replays, lost routes.</summary>
public sealed class CellRouteTests
{
    public static TheoryData<int> HopCounts => new() { 1, 2, 3, 4, 5, 6 };

    [Theory]
    [MemberData(nameof(HopCounts))]
    public void A_route_carries_bodies_both_ways_in_both_cell_sizes(int hops)
    {
        var mesh = new CellMesh(hops + 1);
        var route = mesh.Build(hops, out var path);
        byte[] request = RandomNumberGenerator.GetBytes(CellFormat.SetupBodyLength);

        var setup = mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, request));
        Assert.Equal(CellAction.Deliver, setup.Action);
        var exitRoute = setup.Route!;
        Assert.True(exitRoute.IsExit);
        Assert.Equal(new byte[] { (byte)hops, 0xAA }, exitRoute.Ticket);
        Assert.Equal(request, mesh.Last.AsSpan(setup.BodyOffset, setup.BodyLength).ToArray());

        foreach (int length in new[] { CellFormat.SmallLength, CellFormat.LargeLength, CellFormat.SmallLength })
        {
            byte[] up = RandomNumberGenerator.GetBytes(CellFormat.BodyLength(length));
            var delivered = mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, up, length));
            Assert.Equal(CellAction.Deliver, delivered.Action);
            Assert.Same(exitRoute, delivered.Route);
            Assert.Equal(up, mesh.Last.AsSpan(delivered.BodyOffset, delivered.BodyLength).ToArray());

            byte[] down = RandomNumberGenerator.GetBytes(CellFormat.BodyLength(length));
            var reply = new byte[length];
            down.CopyTo(reply.AsSpan(CellFormat.HeaderLength));
            long to = CellRelay.SealBackward(exitRoute, reply);
            Assert.Equal(CellMesh.Originator, mesh.Carry(path[^1], to, reply).Peer);

            var arrived = mesh.Wire[^1].Cell;
            Assert.True(route.TryOpenBackward(arrived, out var body, out _));
            Assert.Equal(down, arrived[body]);
        }

        for (int node = 1; node <= hops; node++)
        {
            Assert.Equal(node == hops ? 4 : 0, mesh.Relays[node].Counters.Delivered);
            Assert.Equal(node == hops ? 0 : 7, mesh.Relays[node].Counters.Relayed);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public void No_32_byte_sequence_of_a_cell_appears_on_two_links(int hops)
    {
        var mesh = new CellMesh(hops + 1);
        var route = mesh.Build(hops, out var path);
        // Zero bodies: the worst case for sequences that survive from link to link.
        var exitRoute = mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, new byte[10])).Route!;
        mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, new byte[10], CellFormat.SmallLength));
        var reply = new byte[CellFormat.LargeLength];
        mesh.Carry(path[^1], CellRelay.SealBackward(exitRoute, reply), reply);

        // Each logical cell crossed `hops` links in a row; compare every pair of its copies.
        var cells = mesh.Wire.Chunk(hops).ToArray();
        Assert.Equal(3, cells.Length);
        foreach (var copies in cells)
        {
            for (int a = 0; a < copies.Length; a++)
            {
                var windows = Windows(copies[a].Cell);
                for (int b = a + 1; b < copies.Length; b++)
                {
                    var shared = Windows(copies[b].Cell).Where(windows.Contains).ToArray();
                    Assert.True(shared.Length == 0, $"links {a} and {b} share {shared.Length} 32-byte sequences");
                }
            }
        }
    }

    [Fact]
    public void A_bit_flipped_anywhere_in_a_forward_cell_at_a_relay_is_caught_before_delivery()
    {
        foreach (bool setupCell in new[] { true, false })
        {
            foreach (int bit in BitsToFlip(CellFormat.LargeLength))
            {
                var mesh = new CellMesh(4);
                var route = mesh.Build(3, out var path);
                var body = RandomNumberGenerator.GetBytes(100);
                if (!setupCell)
                {
                    Assert.Equal(CellAction.Deliver, mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, body)).Action);
                }

                // Relay 1 flips the bit on the cell it sends to relay 2.
                mesh.Tamper = (from, cell) =>
                {
                    if (from == path[0] && bit / 8 < cell.Length)
                    {
                        cell[bit / 8] ^= (byte)(1 << (bit % 8));
                    }
                };
                var outcome = mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, body));
                Assert.True(outcome.Action != CellAction.Deliver, $"bit {bit} of a {(setupCell ? "setup" : "data")} cell got through");
            }
        }
    }

    [Fact]
    public void A_tampered_cell_at_the_exit_drops_the_route_and_tells_the_originator()
    {
        var mesh = new CellMesh(4);
        var route = mesh.Build(3, out var path);
        mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, new byte[5]));
        mesh.Tamper = (from, cell) =>
        {
            if (from == path[1])
            {
                cell[CellFormat.HeaderLength + 40] ^= 1;
            }
        };

        var outcome = mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, new byte[5]));

        Assert.Equal(CellMesh.Originator, outcome.Peer);
        Assert.Equal(CellKind.UnknownRoute, mesh.ArrivedKind);
        Assert.Equal(1, mesh.Relays[path[2]].Counters.Dropped(CellDrop.BadTag));
        var told = mesh.Wire[^1].Cell;
        Assert.Equal(CellKind.UnknownRoute, CellFormat.ReadKind(told));
        Assert.Equal(route.FirstLabel, CellFormat.ReadLabel(told));
        // Every hop forgot the route on the way back.
        mesh.Tamper = null;
        Assert.Equal(CellMesh.Originator, mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, new byte[5])).Peer);
        Assert.Equal(CellKind.UnknownRoute, mesh.ArrivedKind);
        Assert.Equal(1, mesh.Relays[path[0]].Counters.Dropped(CellDrop.UnknownLabel));
    }

    [Fact]
    public void A_bit_flipped_anywhere_in_a_backward_cell_is_caught_by_the_originator()
    {
        foreach (int bit in BitsToFlip(CellFormat.SmallLength))
        {
            var mesh = new CellMesh(4);
            var route = mesh.Build(3, out var path);
            var exitRoute = mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, new byte[5])).Route!;
            mesh.Tamper = (from, cell) =>
            {
                if (from == path[1] && bit / 8 < cell.Length)
                {
                    cell[bit / 8] ^= (byte)(1 << (bit % 8));
                }
            };

            var reply = new byte[CellFormat.SmallLength];
            var outcome = mesh.Carry(path[^1], CellRelay.SealBackward(exitRoute, reply), reply);

            bool opened = outcome.Peer == CellMesh.Originator
                && outcome.Action == CellAction.Send
                && route.TryOpenBackward(mesh.Last, out _, out _);
            Assert.False(opened, $"bit {bit} got through");
        }
    }

    [Fact]
    public void Replayed_cells_are_dropped_and_counted_at_relays_the_exit_and_the_originator()
    {
        var mesh = new CellMesh(4);
        var route = mesh.Build(3, out var path);
        mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, new byte[5]));
        var data = CellMesh.ForwardCell(route, new byte[5], CellFormat.SmallLength);
        var firstLink = data.ToArray();
        mesh.Carry(CellMesh.Originator, path[0], data);
        var lastLink = mesh.Wire[^1].Cell;

        Assert.Equal(CellAction.Drop, mesh.Relays[path[0]].Process(CellMesh.Originator, firstLink.ToArray()).Action);
        Assert.Equal(1, mesh.Relays[path[0]].Counters.Dropped(CellDrop.Replayed));
        Assert.Equal(CellAction.Drop, mesh.Relays[path[2]].Process(path[1], lastLink.ToArray()).Action);
        Assert.Equal(1, mesh.Relays[path[2]].Counters.Dropped(CellDrop.Replayed));

        var exitRoute = mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, new byte[5])).Route!;
        var reply = new byte[CellFormat.SmallLength];
        mesh.Carry(path[^1], CellRelay.SealBackward(exitRoute, reply), reply);
        var back = mesh.Wire[^1].Cell;
        Assert.True(route.TryOpenBackward(back.ToArray(), out _, out _));
        Assert.False(route.TryOpenBackward(back.ToArray(), out _, out var drop));
        Assert.Equal(CellDrop.Replayed, drop);

        // A replayed setup cell finds its label taken and is dropped without an answer.
        var setupOnFirstLink = mesh.Wire[0].Cell.ToArray();
        Assert.Equal(CellAction.Drop, mesh.Relays[path[0]].Process(CellMesh.Originator, setupOnFirstLink).Action);
        Assert.Equal(1, mesh.Relays[path[0]].Counters.Dropped(CellDrop.LabelInUse));
    }

    [Fact]
    public void A_relay_that_lost_its_routes_makes_the_originator_rebuild_and_the_new_route_works()
    {
        var mesh = new CellMesh(4);
        var route = mesh.Build(3, out var path);
        Assert.Equal(CellAction.Deliver, mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, new byte[5])).Action);

        mesh.Restart(path[1]);
        var lost = mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, new byte[5], CellFormat.SmallLength));

        Assert.Equal(CellMesh.Originator, lost.Peer);
        Assert.Equal(CellKind.UnknownRoute, mesh.ArrivedKind);
        Assert.Equal(route.FirstLabel, CellFormat.ReadLabel(mesh.Wire[^1].Cell));
        Assert.Equal(1, mesh.Relays[path[1]].Counters.Dropped(CellDrop.UnknownLabel));

        var rebuilt = mesh.Build(3, out _);
        Assert.Equal(CellAction.Deliver, mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(rebuilt, new byte[5])).Action);
        Assert.Equal(CellAction.Deliver, mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(rebuilt, new byte[5], CellFormat.SmallLength)).Action);
    }

    [Fact]
    public void Cells_of_wrong_sizes_unknown_kinds_and_labels_are_dropped_and_counted()
    {
        var mesh = new CellMesh(2);
        var relay = mesh.Relays[1];

        Assert.Equal(CellAction.Drop, relay.Process(0, new byte[1000]).Action);
        var misdeclared = new byte[CellFormat.LargeLength];
        CellFormat.WriteHeader(misdeclared.AsSpan(0, CellFormat.SmallLength), 5, CellKind.Forward, 1);
        Assert.Equal(CellFormat.SmallLength, CellFormat.ReadLength(misdeclared));
        Assert.Equal(CellAction.Drop, relay.Process(0, misdeclared).Action);
        var unknownKind = new byte[CellFormat.SmallLength];
        CellFormat.WriteHeader(unknownKind, 7, (CellKind)9, 0);
        Assert.Equal(CellAction.Drop, relay.Process(0, unknownKind).Action);
        var stranger = new byte[CellFormat.SmallLength];
        CellFormat.WriteHeader(stranger, 12345, CellKind.Forward, 1);
        var answer = relay.Process(0, stranger);
        var garbageSetup = RandomNumberGenerator.GetBytes(CellFormat.LargeLength);
        CellFormat.WriteHeader(garbageSetup, 1, CellKind.Setup, 0);

        Assert.Equal(CellAction.ReplyUnknownRoute, answer.Action);
        Assert.Equal(12345UL, answer.Label);
        Assert.Equal(CellAction.Drop, relay.Process(0, garbageSetup).Action);
        Assert.Equal(2, relay.Counters.Dropped(CellDrop.BadSize));
        Assert.Equal(1, relay.Counters.Dropped(CellDrop.BadKind));
        Assert.Equal(1, relay.Counters.Dropped(CellDrop.UnknownLabel));
        Assert.Equal(1, relay.Counters.Dropped(CellDrop.BadSetup));
    }

    [Fact]
    public void A_destroy_cell_closes_the_route_at_every_hop()
    {
        var mesh = new CellMesh(4);
        var route = mesh.Build(3, out var path);
        mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, new byte[5]));
        var destroy = new byte[CellFormat.SmallLength];
        route.WriteDestroy(destroy);

        var outcome = mesh.Carry(CellMesh.Originator, path[0], destroy);

        Assert.Equal(CellAction.Closed, outcome.Action);
        Assert.True(outcome.Route!.IsExit);
        Assert.Equal(CellMesh.Originator, mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, new byte[5], CellFormat.SmallLength)).Peer);
        Assert.Equal(CellKind.UnknownRoute, mesh.ArrivedKind);
        Assert.Equal(1, mesh.Relays[path[0]].Counters.Dropped(CellDrop.UnknownLabel));
    }

    [Fact]
    public void The_relay_hot_path_allocates_nothing_per_cell()
    {
        var mesh = new CellMesh(3);
        var route = mesh.Build(2, out var path);
        mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, new byte[5]));
        var cells = Enumerable.Range(0, 200).Select(_ => CellMesh.ForwardCell(route, new byte[5], CellFormat.SmallLength)).ToArray();
        var relay = mesh.Relays[path[0]];
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(CellAction.Send, relay.Process(CellMesh.Originator, cells[i]).Action);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 100; i < 200; i++)
        {
            relay.Process(CellMesh.Originator, cells[i]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(200, relay.Counters.Relayed - 1);
    }

    /// <summary>Every header bit, and payload bits spread over the whole cell including its last byte.</summary>
    private static IEnumerable<int> BitsToFlip(int cellLength) =>
        Enumerable.Range(0, CellFormat.HeaderLength * 8)
            .Concat(Enumerable.Range(0, 150).Select(i => (CellFormat.HeaderLength * 8) + (i * 7919 % ((cellLength - CellFormat.HeaderLength) * 8))))
            .Append((cellLength * 8) - 1)
            .Distinct();

    private static HashSet<string> Windows(byte[] cell) =>
        Enumerable.Range(0, cell.Length - 31).Select(i => Convert.ToHexString(cell, i, 32)).ToHashSet();
}
