using System.Diagnostics.CodeAnalysis;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Masq.Node.DataPath;
using Masq.Node.EntryDns;
using Masq.Node.Networking;
using Masq.Node.Proxy.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Masq.Node.Tests.EntryDns;

/// <summary>The entry DNS server on real loopback sockets (free ports here, 53 in the Node): UDP, TCP, floods.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xUnit disposes them in IAsyncLifetime.DisposeAsync.")]
public sealed class EntryDnsServerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero));
    private readonly CountingLogger<EntryDnsServer> _logger = new();
    private readonly EntryDnsSockets _sockets;
    private readonly EntryDnsServer _server;

    public EntryDnsServerTests()
    {
        var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        tcp.Listen(16);
        _sockets = new EntryDnsSockets(udp, tcp);
        _server = new EntryDnsServer(_sockets, new DataPathOptions { MisbehaviourLogInterval = TimeSpan.FromSeconds(60) }, _time, _logger);
    }

    private IPEndPoint UdpEndPoint => (IPEndPoint)_sockets.Udp!.LocalEndPoint!;

    private IPEndPoint TcpEndPoint => (IPEndPoint)_sockets.Tcp!.LocalEndPoint!;

    public Task InitializeAsync() => _server.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None);
        _sockets.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Answers_over_UDP_and_over_TCP_with_several_queries_on_one_connection()
    {
        using var client = new UdpClient(AddressFamily.InterNetwork);
        client.Connect(UdpEndPoint);
        Assert.Equal([IPAddress.Loopback], await AskUdpAsync(client, 0x0101, "one.test"));

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(TcpEndPoint);
        var stream = tcp.GetStream();
        foreach (ushort id in new ushort[] { 1, 2, 3 })
        {
            byte[] query = EntryDnsAnswerTests.Query(id, $"tcp{id}.test", DnsMessage.TypeA);
            byte[] framed = [(byte)(query.Length >> 8), (byte)query.Length, .. query];
            await stream.WriteAsync(framed);
            byte[] prefix = new byte[2];
            await stream.ReadExactlyAsync(prefix);
            byte[] answer = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            await stream.ReadExactlyAsync(answer);
            var addresses = new List<IPAddress>();
            Assert.True(DnsMessage.TryReadAnswer(answer, id, DnsMessage.TypeA, addresses, out _));
            Assert.Equal([IPAddress.Loopback], addresses);
        }
    }

    [Fact]
    public async Task A_flood_of_garbage_and_queries_does_not_stop_answers_to_another_client_and_logs_one_line()
    {
        using var flooder = new UdpClient(AddressFamily.InterNetwork);
        flooder.Connect(UdpEndPoint);
        byte[] loop = [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1];
        byte[] valid = EntryDnsAnswerTests.Query(0x7777, "flood.test", DnsMessage.TypeA);
        using var stop = new CancellationTokenSource();
        var flood = Task.Run(async () =>
        {
            for (int i = 0; i < 200_000 && !stop.IsCancellationRequested; i++)
            {
                await flooder.SendAsync(i % 2 == 0 ? loop : valid);
            }
        });

        using var client = new UdpClient(AddressFamily.InterNetwork);
        client.Connect(UdpEndPoint);
        for (ushort id = 1; id <= 50; id++)
        {
            Assert.Equal([IPAddress.Loopback], await AskUdpAsync(client, id, $"q{id}.test"));
        }

        await stop.CancelAsync();
        await flood;
        Assert.Equal(1, _logger.Count(EntryDnsEventIds.Malformed));

        // The next interval's first bad query is logged, with how many went unlogged before it.
        _time.Advance(TimeSpan.FromSeconds(61));
        await flooder.SendAsync(loop);
        await WaitUntilAsync(() => _logger.Count(EntryDnsEventIds.Malformed) == 2);
        Assert.DoesNotContain(" 0 more in the last", _logger.Messages(EntryDnsEventIds.Malformed)[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_TCP_query_longer_than_allowed_or_stalled_ends_its_connection_and_others_are_still_served()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(TcpEndPoint);
        var stream = tcp.GetStream();
        await stream.WriteAsync(new byte[] { 0xff, 0xff, 1, 2, 3 });
        Assert.True(await ClosedAsync(stream));

        using var stalled = new TcpClient();
        await stalled.ConnectAsync(TcpEndPoint);
        await stalled.GetStream().WriteAsync(new byte[] { 0 });

        using var client = new UdpClient(AddressFamily.InterNetwork);
        client.Connect(UdpEndPoint);
        Assert.Equal([IPAddress.Loopback], await AskUdpAsync(client, 42, "after.test"));
    }

    /// <summary>One query, asked again when the answer does not come (UDP may lose it under a flood).</summary>
    private static async Task<List<IPAddress>> AskUdpAsync(UdpClient client, ushort id, string name)
    {
        byte[] query = EntryDnsAnswerTests.Query(id, name, DnsMessage.TypeA);
        for (int attempt = 0; attempt < 20; attempt++)
        {
            await client.SendAsync(query);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                while (true)
                {
                    var received = await client.ReceiveAsync(wait.Token);
                    var addresses = new List<IPAddress>();
                    if (DnsMessage.TryReadAnswer(received.Buffer, id, DnsMessage.TypeA, addresses, out _))
                    {
                        return addresses;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        throw new TimeoutException($"no answer for {name} after 20 attempts");
    }

    /// <summary>True when the server ended the connection: an orderly close, or a reset (it had unread bytes).</summary>
    private static async Task<bool> ClosedAsync(NetworkStream stream)
    {
        try
        {
            return await stream.ReadAsync(new byte[16]).AsTask().WaitAsync(TimeSpan.FromSeconds(30)) == 0;
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            return true;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "the condition did not become true within 30 s");
    }

    private sealed class CountingLogger<T> : ILogger<T>
    {
        private readonly List<(int EventId, string Message)> _entries = [];

        public int Count(int eventId)
        {
            lock (_entries)
            {
                return _entries.Count(e => e.EventId == eventId);
            }
        }

        public List<string> Messages(int eventId)
        {
            lock (_entries)
            {
                return [.. _entries.Where(e => e.EventId == eventId).Select(e => e.Message)];
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_entries)
            {
                _entries.Add((eventId.Id, formatter(state, exception)));
            }
        }
    }
}
