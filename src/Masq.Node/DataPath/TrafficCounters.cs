using Masq.Lib.Ui.Messages;

namespace Masq.Node.DataPath;

/// <summary>
/// Byte counters the data path adds to (lock-free) and the UI reports: consumed (this Node's browser traffic),
/// routed (relayed for others) and exit (served to destination servers for others).
/// </summary>
internal sealed class TrafficCounters
{
    private long _consumedIn;
    private long _consumedOut;
    private long _routedIn;
    private long _routedOut;
    private long _exitIn;
    private long _exitOut;

    /// <summary>Browser bytes: <paramref name="fromBrowser"/> sent into the mesh, <paramref name="toBrowser"/> delivered back.</summary>
    public void AddConsumed(long fromBrowser, long toBrowser)
    {
        Interlocked.Add(ref _consumedOut, fromBrowser);
        Interlocked.Add(ref _consumedIn, toBrowser);
    }

    /// <summary>Bytes of a package relayed for someone else (counted in and out).</summary>
    public void AddRouted(long received, long sent)
    {
        Interlocked.Add(ref _routedIn, received);
        Interlocked.Add(ref _routedOut, sent);
    }

    /// <summary>Exit bytes: <paramref name="toServer"/> written to destination servers, <paramref name="fromServer"/> read back.</summary>
    public void AddExit(long toServer, long fromServer)
    {
        Interlocked.Add(ref _exitOut, toServer);
        Interlocked.Add(ref _exitIn, fromServer);
    }

    public UiTrafficStatsBroadcast Snapshot() => new(
        new UiTrafficCounters((ulong)Interlocked.Read(ref _consumedIn), (ulong)Interlocked.Read(ref _consumedOut)),
        new UiTrafficCounters((ulong)Interlocked.Read(ref _routedIn), (ulong)Interlocked.Read(ref _routedOut)),
        new UiTrafficCounters((ulong)Interlocked.Read(ref _exitIn), (ulong)Interlocked.Read(ref _exitOut)));
}
