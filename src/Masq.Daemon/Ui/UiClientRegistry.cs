using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Masq.Daemon.Ui;

/// <summary>Numbers UI clients (from 0, as the reference does) and maps them to SignalR connection ids.</summary>
internal sealed class UiClientRegistry
{
    private readonly ConcurrentDictionary<ulong, string> _connectionIds = new();
    private readonly ConcurrentDictionary<string, ulong> _clientIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HubCallerContext> _contexts = new(StringComparer.Ordinal);
    private long _next = -1;

    public ulong Register(HubCallerContext context)
    {
        var connectionId = context.ConnectionId;
        _contexts[connectionId] = context;
        var id = (ulong)Interlocked.Increment(ref _next);
        _connectionIds[id] = connectionId;
        _clientIds[connectionId] = id;
        return id;
    }

    public bool TryGetClientId(string connectionId, out ulong clientId) => _clientIds.TryGetValue(connectionId, out clientId);

    public bool TryGetConnectionId(ulong clientId, out string connectionId) => _connectionIds.TryGetValue(clientId, out connectionId!);

    public bool Unregister(string connectionId, out ulong clientId)
    {
        _contexts.TryRemove(connectionId, out _);
        if (_clientIds.TryRemove(connectionId, out clientId))
        {
            _connectionIds.TryRemove(clientId, out _);
            return true;
        }
        return false;
    }

    /// <summary>Closes every client's connection at once (the Node is going away).</summary>
    public void AbortAll()
    {
        foreach (var context in _contexts.Values)
        {
            context.Abort();
        }
    }
}
