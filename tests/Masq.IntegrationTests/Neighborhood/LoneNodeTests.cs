using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>A Node that knows no route says so at once; a Node fed garbage on its clandestine port keeps serving.</summary>
[Collection(MeshCollection.Name)]
public sealed class LoneNodeTests(MeshEnvironment environment) : IClassFixture<MeshEnvironment>
{
    /// <summary>Where the garbage comes from: an address of its own, so any ban of it touches no Node.</summary>
    private static readonly IPAddress GarbageSource = IPAddress.Parse("127.0.1.250");

    [Fact]
    public async Task No_route_page_for_an_originator_alone()
    {
        var lone = await environment.Mesh.StartNodeAsync(MeshNodeOptions.Standard, "no-route-originator");

        var (status, body) = await MeshEnvironment.GetOnceAsync(lone, environment.BlobUrl(1000, 61));

        Assert.True(
            status == HttpStatusCode.ServiceUnavailable && body.Contains($"Can't find a route to {MeshEnvironment.Host}", StringComparison.Ordinal),
            $"a lone originator answered {(int)status}:\n{body}\n{lone.Tail()}");
        Assert.True(lone.IsRunning, lone.Tail());
    }

    [Fact]
    public async Task Bad_gossip_does_not_stop_a_Node()
    {
        var mesh = environment.Mesh;
        var target = await mesh.StartNodeAsync(MeshNodeOptions.Standard, "garbage-target");

        await SendAsync(target, RandomNumberGenerator.GetBytes(4096));
        await SendAsync(target, Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"));
        await SendAsync(target, [0xff, 0xff, 0xff, 0xff, .. RandomNumberGenerator.GetBytes(64)]);
        await SendAsync(target, [0x00, 0x00, 0x00, 0x10, 0x01]);
        await SendAsync(target, []);

        // Still serving: the UI answers, with the same descriptor …
        Assert.True(target.IsRunning, $"the Node exited after the garbage:\n{target.Tail(80)}");
        Assert.Equal(target.Descriptor, await target.DescriptorFromUiAsync());
        Assert.Equal(UiConnectionStage.NotConnected, await target.ConnectionStatusAsync());

        // … and real gossip is still taken: a Node debuting to it gets into its database.
        var joiner = await mesh.StartNodeAsync(MeshNodeOptions.DebutTo(target), "garbage-joiner");
        var deadline = DateTime.UtcNow + MeshEnvironment.RouteTimeout;
        MeshGraph graph;
        while ((graph = await target.GraphAsync()).IdOf(joiner) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.True(graph.IdOf(joiner) is not null, $"the garbage target never took the joiner's Debut:\n{graph}\n{mesh.Report()}");
        Assert.True(target.IsRunning, target.Tail(80));
    }

    /// <summary>Connects from <see cref="GarbageSource"/>, writes <paramref name="bytes"/>, lingers briefly, and closes.</summary>
    private static async Task SendAsync(MeshMember target, byte[] bytes)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(GarbageSource, 0));
        await socket.ConnectAsync(target.ClandestineEndpoint);
        if (bytes.Length > 0)
        {
            await socket.SendAsync(bytes, SocketFlags.None);
        }

        // Give the Node a moment to read what came (it may also close on us).
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        try
        {
            await socket.ReceiveAsync(new byte[256], SocketFlags.None, wait.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
        }

        socket.Shutdown(SocketShutdown.Both);
    }
}
