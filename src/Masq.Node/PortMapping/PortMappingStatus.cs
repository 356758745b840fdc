using System.Net;
using Masq.Lib.PortMapping;

namespace Masq.Node.PortMapping;

/// <summary>
/// What the Node did about being reachable, for the log, <c>connection-status</c> and the dashboard: the line a user
/// reads, the mapping it holds (if any) and the public address it advertises. Written by the start-up step and the
/// keeper, read by the Neighborhood on any thread.
/// </summary>
internal sealed class PortMappingStatus
{
    private readonly Lock _lock = new();
    private string? _summary;
    private MappedPort? _mapping;

    public PortMappingStatus(string? summary, IPortMapper? mapper = null, MappedPort? mapping = null, IPAddress? gateway = null)
    {
        _summary = summary;
        Mapper = mapper;
        Gateway = gateway;
        _mapping = mapping;
    }

    /// <summary>The protocol that mapped the port; null when the Node maps nothing (given <c>--ip</c>, or not standard mode).</summary>
    public IPortMapper? Mapper { get; }

    /// <summary>The router that holds the mapping.</summary>
    public IPAddress? Gateway { get; }

    /// <summary>Raised (on the keeper's thread) when the router reports a new public address.</summary>
    public event Action<IPAddress>? PublicAddressChanged;

    public string? Summary
    {
        get
        {
            lock (_lock)
            {
                return _summary;
            }
        }
    }

    public MappedPort? Mapping
    {
        get
        {
            lock (_lock)
            {
                return _mapping;
            }
        }
    }

    public void Update(string summary, MappedPort? mapping)
    {
        IPAddress? changed = null;
        lock (_lock)
        {
            if (mapping is not null && _mapping is not null && !mapping.PublicAddress.Equals(_mapping.PublicAddress))
            {
                changed = mapping.PublicAddress;
            }
            _summary = summary;
            _mapping = mapping ?? _mapping;
        }
        if (changed is not null)
        {
            PublicAddressChanged?.Invoke(changed);
        }
    }

    public static string Mapped(MappedPort mapping, IPAddress gateway) =>
        $"port {mapping.InternalPort} mapped on the router {gateway} by {mapping.Protocol.DisplayName()}, public IP {mapping.PublicAddress}"
        + (mapping.Lifetime == Timeout.InfiniteTimeSpan ? " (permanent lease)" : $" (lease {mapping.Lifetime.TotalSeconds:0} s)");
}
