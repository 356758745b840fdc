using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Masq.Lib.Configuration;
using Masq.Node.DataPath;

namespace Masq.Node.Proxy.Client;

/// <summary>
/// The exit's resolver (data-path.md §2.2 step 8): asks the configured <c>dns-servers</c> in order, moving on when one
/// does not answer or fails, and falls back to 1.1.1.1 when none are configured. An IP literal needs no lookup. Answers
/// of 0.0.0.0 (and, unless loopback targets are allowed, loopback addresses) are dropped.
/// </summary>
internal sealed class ExitResolver
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    private readonly IPEndPoint[] _servers;
    private readonly TimeProvider _time;
    private readonly bool _allowLoopback;

    public ExitResolver(NodeSettings settings, DataPathOptions options, TimeProvider time)
    {
        var configured = settings.DnsServers.Count > 0 ? settings.DnsServers : [IPAddress.Parse("1.1.1.1")];
        _servers = configured.Select(ip => new IPEndPoint(ip, 53)).ToArray();
        _time = time;
        _allowLoopback = options.AllowLoopbackTargets;
    }

    /// <summary>The addresses to try, in order; empty when the name does not resolve to anything usable.</summary>
    public async ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return Usable(literal) ? [literal] : [];
        }

        var found = new List<IPAddress>();
        foreach (var server in _servers)
        {
            var code = await QueryAsync(server, host, DnsMessage.TypeA, found, cancellationToken).ConfigureAwait(false);
            if (code == DnsResponseCode.NoError && found.Count == 0)
            {
                code = await QueryAsync(server, host, DnsMessage.TypeAaaa, found, cancellationToken).ConfigureAwait(false);
            }

            if (code is DnsResponseCode.NoError or DnsResponseCode.NameError)
            {
                // This server answered; another one would say the same.
                break;
            }
        }

        found.RemoveAll(a => !Usable(a));
        return found;
    }

    private bool Usable(IPAddress address) =>
        !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any) && (_allowLoopback || !IPAddress.IsLoopback(address));

    private async ValueTask<DnsResponseCode?> QueryAsync(IPEndPoint server, string host, ushort type, List<IPAddress> found, CancellationToken cancellationToken)
    {
        byte[] query = new byte[512];
        ushort id = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
        if (!DnsMessage.TryBuildQuery(id, host, type, query, out int length))
        {
            return DnsResponseCode.NameError;
        }

        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        using var timeout = new CancellationTokenSource(QueryTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        byte[] answer = new byte[DnsMessage.MaxUdpLength];
        try
        {
            await socket.ConnectAsync(server, linked.Token).ConfigureAwait(false);
            await socket.SendAsync(query.AsMemory(0, length), SocketFlags.None, linked.Token).ConfigureAwait(false);
            while (true)
            {
                int received = await socket.ReceiveAsync(answer, SocketFlags.None, linked.Token).ConfigureAwait(false);
                if (DnsMessage.TryReadAnswer(answer.AsSpan(0, received), id, type, found, out var code))
                {
                    return code;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
