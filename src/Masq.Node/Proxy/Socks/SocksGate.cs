using Masq.Node.DataPath;
using System.Net;
using Masq.Node.Networking;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Proxy.Socks;

/// <summary>
/// What all SOCKS5 connections share: a bound on connections still in their handshake (a flood of idle connections is
/// closed at once instead of holding sockets for the handshake timeout), and quiet logs for bad input: the first
/// problem of a client IP in each <see cref="DataPathOptions.MisbehaviourLogInterval"/> is logged in full, the rest
/// counted into one summary line (<see cref="PeerConduct"/>, keyed by IP: every connection has a new port).
/// </summary>
internal sealed partial class SocksGate
{
    private readonly PeerConduct _conduct;
    private readonly int _maxHandshakes;
    private readonly ILogger<SocksGate> _logger;
    private int _inHandshake;

    public SocksGate(DataPathOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        _conduct = new PeerConduct(options, time, loggers.CreateLogger<PeerConduct>());
        _maxHandshakes = options.MaxSocksHandshakes;
        _logger = loggers.CreateLogger<SocksGate>();
    }

    /// <summary>Connections in their handshake now (for tests).</summary>
    public int InHandshake => Volatile.Read(ref _inHandshake);

    /// <summary>Admits a new connection to its handshake; false (and closed by the caller) when too many are.</summary>
    public bool TryEnter(IPEndPoint client)
    {
        if (Interlocked.Increment(ref _inHandshake) <= _maxHandshakes)
        {
            return true;
        }

        Interlocked.Decrement(ref _inHandshake);
        if (ShouldLog(client))
        {
            LogTooMany(client, _maxHandshakes);
        }

        return false;
    }

    /// <summary>A connection's handshake ended (done, refused, timed out or closed); once per admitted connection.</summary>
    public void Leave() => Interlocked.Decrement(ref _inHandshake);

    /// <summary>Whether this problem of <paramref name="client"/> is the one of its interval to log in full.</summary>
    public bool ShouldLog(IPEndPoint client) => _conduct.Report(new IPEndPoint(client.Address, 0), strike: false);

    [LoggerMessage(EventId = DataPathEventIds.SocksTooManyHandshakes, Level = LogLevel.Warning, Message = "Closed a SOCKS5 connection from {Client}: {Limit} connections are already in their handshake")]
    private partial void LogTooMany(IPEndPoint client, int limit);
}
