using Masq.Node.PortMapping;
using Masq.Node.EntryDns;
using Masq.Node.Accounting;
using Masq.Node.Blockchain;
using Masq.Node.Networking;
using Masq.Node.Persistence;
using Masq.Node.DataPath;

namespace Masq.Node.Hosting;

/// <summary>
/// What <see cref="NodeComposition.AddMasqNode"/> needs besides the settings and the identity: the open database and
/// the UI cookie (required), and the tuning that is not a setup parameter (defaults are what a Node runs with).
/// </summary>
internal sealed class MasqNodeOptions
{
    /// <summary>The Node's database, opened (created, migrated) before the host is built. Required.</summary>
    public IPersistentConfiguration? Configuration { get; set; }

    /// <summary>The secret the UI hub demands of its clients. Required.</summary>
    public byte[]? UiSecret { get; set; }

    /// <summary>Browser ports 80/443 bound while the process was still privileged; none by default.</summary>
    public PrivilegedBrowserSockets PrivilegedSockets { get; set; } = PrivilegedBrowserSockets.None;

    /// <summary>127.0.0.1:53 (UDP, TCP) bound while the process was still privileged; none by default (no entry DNS).</summary>
    public EntryDnsSockets EntryDnsSockets { get; set; } = EntryDnsSockets.None;

    /// <summary>What start-up did about reachability (a router mapping to keep alive, or none); nothing by default.</summary>
    public PortMappingStatus PortMapping { get; set; } = new(summary: null);

    /// <summary>The data path's limits and timeouts; null means the defaults with the settings' address and loopback rule.</summary>
    public DataPathOptions? DataPath { get; set; }

    /// <summary>The TLS links between Nodes (handshake timeout, certificate lifetime); null means the defaults.</summary>
    public Links.LinkOptions? Links { get; set; }

    public AccountantOptions Accountant { get; set; } = new();

    public BlockchainOptions Blockchain { get; set; } = new();

    /// <exception cref="InvalidOperationException">A required option is missing.</exception>
    public void Validate()
    {
        var missing = new List<string>();
        if (Configuration is null)
        {
            missing.Add(nameof(Configuration));
        }

        if (UiSecret is not { Length: > 0 })
        {
            missing.Add(nameof(UiSecret));
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"AddMasqNode needs {string.Join(" and ", missing)}");
        }
    }
}
