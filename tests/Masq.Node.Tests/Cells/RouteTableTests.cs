using System.Security.Cryptography;
using Masq.Node.Cells;
using Masq.Node.Crypto;
using Xunit.Abstractions;

namespace Masq.Node.Tests.Cells;

/// <summary>Relay state stays within its bound under a flood of route setups.</summary>
public sealed class RouteTableTests
{
    [Fact]
    public void A_flood_of_route_setups_evicts_the_least_recently_used_and_the_table_never_grows_past_its_capacity()
    {
        const int capacity = 300;
        var mesh = new CellMesh(3, tableCapacity: capacity);
        var first = mesh.Build(2, out var path);
        Assert.Equal(CellAction.Deliver, mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(first, new byte[5])).Action);
        var busy = mesh.Build(2, out _);
        Assert.Equal(CellAction.Deliver, mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(busy, new byte[5])).Action);

        for (int i = 0; i < 3 * capacity; i++)
        {
            var flood = mesh.Build(2, out _);
            mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(flood, new byte[5]));
            Assert.True(mesh.Tables[path[0]].Count <= capacity);
            if (i % 50 == 0)
            {
                // A route in use stays recent, so the flood pushes out idle routes first.
                Assert.Equal(CellAction.Deliver, mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(busy, new byte[5], CellFormat.SmallLength)).Action);
            }
        }

        Assert.Equal(capacity, mesh.Tables[path[0]].Count);
        Assert.Equal(capacity, mesh.Tables[path[1]].Count);
        Assert.True(mesh.Relays[path[0]].Counters.Evicted >= 2 * capacity);
        // The idle first route was evicted: its next cell is answered "unknown route", and the busy one still works.
        mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(first, new byte[5], CellFormat.SmallLength));
        Assert.Equal(CellKind.UnknownRoute, mesh.ArrivedKind);
        Assert.Equal(CellAction.Deliver, mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(busy, new byte[5], CellFormat.SmallLength)).Action);
    }

    [Fact]
    public void Expired_routes_are_unknown_and_their_labels_free()
    {
        var counters = new CellCounters();
        var table = new RouteTable(counters, 4);
        var route = Route(label: 9, expires: 1_000);

        Assert.True(table.TryAdd(route, 900));
        Assert.False(table.TryAdd(Route(label: 9, expires: 2_000), 950));
        Assert.Same(route, table.Find(1, 9, backward: false, 999));
        Assert.Null(table.Find(1, 9, backward: false, 1_001));
        Assert.True(table.TryAdd(Route(label: 9, expires: 2_000), 1_001));
    }

    internal static RelayRoute Route(ulong label, long expires, bool exit = false)
    {
        var entry = new RouteSetupEntry(
            exit,
            label,
            exit ? 0 : label + 1,
            0,
            0,
            expires,
            RandomNumberGenerator.GetBytes(RouteSetupEntry.SeedLength),
            exit ? PublicKey.Empty : new PublicKey(new byte[64]),
            RandomNumberGenerator.GetBytes(85));
        return new RelayRoute(1, 2, entry, LayerKeys.Derive(entry.KeySeed.Span), expires);
    }
}

/// <summary>Measures the managed memory a full route table holds; alone, so other tests do not allocate meanwhile.</summary>
[Collection(nameof(RouteTableMemoryTests))]
[CollectionDefinition(nameof(RouteTableMemoryTests), DisableParallelization = true)]
public sealed class RouteTableMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void A_full_table_holds_no_more_than_its_memory_bound_and_a_flood_past_it_adds_nothing()
    {
        const int capacity = 20_000;
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        var table = new RouteTable(new CellCounters(), capacity);
        for (int i = 0; i < capacity; i++)
        {
            Assert.True(table.TryAdd(RouteTableTests.Route((ulong)(2 * i), long.MaxValue), 0));
        }

        long full = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        for (int i = capacity; i < 3 * capacity; i++)
        {
            table.TryAdd(RouteTableTests.Route((ulong)(2 * i), long.MaxValue), 0);
        }

        long flooded = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        output.WriteLine($"{capacity} routes: {full / capacity} bytes each when full, {flooded / capacity} after a flood of {2 * capacity} more");
        Assert.Equal(capacity, table.Count);
        Assert.True(full <= table.MemoryBound, $"{full} bytes for a bound of {table.MemoryBound}");
        Assert.True(flooded <= table.MemoryBound, $"{flooded} bytes after the flood for a bound of {table.MemoryBound}");
        GC.KeepAlive(table);
    }
}
