using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using Masq.Node.Crypto;

namespace Masq.Node.Routing;

/// <summary>
/// The Nodes this Node knows by key: a thread-safe table that answers <see cref="INodeLocator"/>. Empty in
/// zero-hop mode; filled by <see cref="FixedRouteSource"/> users in tests, and by the Neighborhood from gossip.
/// </summary>
internal sealed class NodeDirectory : INodeLocator
{
    private readonly ConcurrentDictionary<PublicKey, RouteNode> _nodes = new();

    public int Count => _nodes.Count;

    public void Add(RouteNode node) => _nodes[node.Key] = node;

    public bool Remove(PublicKey key) => _nodes.TryRemove(key, out _);

    public bool TryGet(PublicKey key, [NotNullWhen(true)] out RouteNode? node) => _nodes.TryGetValue(key, out node);

    public bool TryLocate(PublicKey key, [NotNullWhen(true)] out IPEndPoint? endpoint)
    {
        endpoint = _nodes.TryGetValue(key, out var node) ? node.Endpoint : null;
        return endpoint is not null;
    }
}
