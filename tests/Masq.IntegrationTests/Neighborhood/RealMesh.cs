using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using Masq.IntegrationTests.Infrastructure;
using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// Real MASQNode processes (no Daemon) that find each other only through their descriptors and gossip: each on its own
/// 127.0.1.x address (other tests use 127.0.0.x; <see cref="MeshNodeOptions.Ip"/> may name another) with its own clandestine, UI and proxy ports, data directory, database
/// password and consuming key. The Nodes print their descriptors at start; later Nodes are given earlier ones as
/// <c>--neighbors</c>. Every Node is killed when the mesh is disposed.
/// </summary>
/// <remarks>
/// MASQ_MESH_NODE_BINARY names another MASQNode to run (e.g. one built from another checkout) instead of this
/// repository's.
/// </remarks>
internal sealed class RealMesh : IAsyncDisposable
{
    public const string Chain = "base-sepolia";

    /// <summary>A Node creating its database on a busy two-core machine can need a minute (a failure guard only).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    /// <summary>How many Nodes <see cref="StartNodesAsync"/> starts at a time (two cores).</summary>
    private const int ParallelStarts = 2;

    /// <summary>127.0.1.153 is the mesh's DNS server and 127.0.1.200 its destination; Nodes take 1–150 in turn.</summary>
    private static int _lastAddress;

    private readonly List<MeshMember> _members = [];
    private readonly TestDirectory _directory = new();
    private readonly string _binary;
    private readonly string _chain;

    /// <param name="dnsServer">The Nodes' <c>--dns-servers</c> unless their options name another.</param>
    /// <param name="chain">The Nodes' <c>--chain</c>.</param>
    public RealMesh(IPAddress dnsServer, string chain = Chain)
    {
        DnsServer = dnsServer;
        _chain = chain;
        _binary = System.Environment.GetEnvironmentVariable("MASQ_MESH_NODE_BINARY") is { Length: > 0 } binary ? binary : MasqBinaries.Node;
    }

    public IPAddress DnsServer { get; }

    public IReadOnlyList<MeshMember> Members
    {
        get
        {
            lock (_members)
            {
                return [.. _members];
            }
        }
    }

    public IReadOnlyList<MeshMember> Running => [.. Members.Where(m => m.IsRunning)];

    /// <summary>Starts one Node and waits until it printed its descriptor and serves its UI.</summary>
    public async Task<MeshMember> StartNodeAsync(MeshNodeOptions? options = null, string? name = null)
    {
        options ??= MeshNodeOptions.Standard;
        var member = NewMember(name, options.Ip);
        await member.StartAsync(options, StartTimeout);
        return member;
    }

    /// <summary>Starts <paramref name="count"/> Nodes at once (they must not need each other's descriptors).</summary>
    public async Task<IReadOnlyList<MeshMember>> StartNodesAsync(int count, MeshNodeOptions options, string namePrefix)
    {
        if (options.Ip is not null)
        {
            throw new ArgumentException("Nodes started together cannot share one explicit address", nameof(options));
        }

        var members = Enumerable.Range(0, count).Select(i => NewMember($"{namePrefix}{i.ToString(CultureInfo.InvariantCulture)}", null)).ToList();
        using var slots = new SemaphoreSlim(ParallelStarts);
        await Task.WhenAll(members.Select(async m =>
        {
            await slots.WaitAsync();
            try
            {
                await m.StartAsync(options, StartTimeout);
            }
            finally
            {
                slots.Release();
            }
        }));
        return members;
    }

    public Task WaitForStageAsync(MeshMember member, UiConnectionStage stage, TimeSpan timeout) =>
        member.WaitForStageAsync(stage, timeout, () => Report(except: member));

    public Task WaitForStageAsync(MeshMember member, string stage, TimeSpan timeout) =>
        WaitForStageAsync(member, Enum.Parse<UiConnectionStage>(stage), timeout);

    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Tests call the mesh for everything they ask of its members.")]
    public Task<MeshGraph> GetGraphAsync(MeshMember member) => member.GraphAsync();

    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Tests call the mesh for everything they ask of its members.")]
    public Task SetMinHopsAsync(MeshMember member, int hops) => member.SetMinHopsAsync(hops);

    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Tests call the mesh for everything they ask of its members.")]
    public Task<UiExitLocationResponse> ExitLocationAsync(MeshMember member, UiExitLocationRequest request) => member.ExitLocationAsync(request);

    /// <summary>The last lines every member printed, for failure messages.</summary>
    public string Report(MeshMember? except = null, int lines = 30)
    {
        var text = new StringBuilder();
        foreach (var member in Members.Where(m => m != except))
        {
            text.Append(member.Tail(lines)).Append('\n');
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        var members = Members;
        await Task.WhenAll(members.Select(async m => await m.DisposeAsync()));
        _directory.Dispose();
    }

    private MeshMember NewMember(string? name, IPAddress? explicitIp)
    {
        var ip = explicitIp ?? NextAddress();
        lock (_members)
        {
            int index = _members.Count;
            var member = new MeshMember(
                index,
                name ?? $"node-{index.ToString(CultureInfo.InvariantCulture)}",
                ip,
                _directory.Combine($"node-{index.ToString(CultureInfo.InvariantCulture)}"),
                _binary,
                _chain,
                DnsServer);
            _members.Add(member);
            return member;
        }
    }

    private static IPAddress NextAddress()
    {
        int last = Interlocked.Increment(ref _lastAddress);
        int octet = (last - 1) % 150 + 1;
        return IPAddress.Parse($"127.0.1.{octet.ToString(CultureInfo.InvariantCulture)}");
    }
}
