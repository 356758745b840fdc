using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Masq.Node.Routing;

namespace Masq.Node.Routing;

/// <summary>Return-route IDs → back services, each entry living a sliding TTL (120 s by default) after its last use.</summary>
internal sealed class ReturnRouteTable(TimeProvider time, TimeSpan ttl)
{
    private readonly ConcurrentDictionary<uint, ReturnRouteEntry> _entries = new();

    public int Count => _entries.Count;

    public void Add(uint id, IReadOnlyList<ExpectedService> back) => _entries[id] = new ReturnRouteEntry(back, time.GetTimestamp());

    public bool TryUse(uint id, [NotNullWhen(true)] out ReturnRouteEntry? entry)
    {
        if (_entries.TryGetValue(id, out entry))
        {
            entry.Touch(time.GetTimestamp());
            return true;
        }

        return false;
    }

    public void Purge()
    {
        long now = time.GetTimestamp();
        foreach (var (id, entry) in _entries)
        {
            if (time.GetElapsedTime(entry.LastUsed, now) > ttl)
            {
                _entries.TryRemove(new KeyValuePair<uint, ReturnRouteEntry>(id, entry));
            }
        }
    }
}
