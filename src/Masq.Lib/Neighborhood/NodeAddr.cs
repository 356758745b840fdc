using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Masq.Lib.Neighborhood;

/// <summary>
/// Where a Node can be reached: one IP address and a sorted, de-duplicated list of clandestine ports
/// (1025–65535). Text form <c>ip:port/port/…</c>. Only IPv4 can be written this way: the text is split on <c>:</c>,
/// exactly as in the reference Node, so its descriptors stay readable by it.
/// </summary>
public sealed class NodeAddr : IEquatable<NodeAddr>
{
    public const int MinPort = 1025;
    public const int MaxPort = 65535;

    public NodeAddr(IPAddress ip, IEnumerable<int> ports)
    {
        ArgumentNullException.ThrowIfNull(ip);
        ArgumentNullException.ThrowIfNull(ports);
        var sorted = ports.Distinct().Order().ToImmutableArray();
        foreach (var port in sorted)
        {
            if (port is < MinPort or > MaxPort)
            {
                throw new ArgumentOutOfRangeException(nameof(ports), port, $"Ports must be between {MinPort} and {MaxPort}.");
            }
        }

        Ip = ip;
        Ports = sorted;
    }

    public IPAddress Ip { get; }

    /// <summary>Ascending, without duplicates; may be empty (a Node that accepts no connections).</summary>
    public ImmutableArray<int> Ports { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out NodeAddr? nodeAddr, [NotNullWhen(false)] out string? error)
    {
        nodeAddr = null;
        var pieces = (text ?? string.Empty).Split(':');
        if (pieces.Length != 2 || pieces[0].Length == 0)
        {
            error = $"NodeAddr should be expressed as '<IP address>:<port>/<port>/...', not '{text}'";
            return false;
        }

        if (!StrictIpAddress.TryParseV4(pieces[0], out var ip))
        {
            error = $"NodeAddr must have a valid IPv4 address, not '{pieces[0]}'";
            return false;
        }

        var ports = new List<int>();
        if (pieces[1].Length > 0)
        {
            foreach (var piece in pieces[1].Split('/'))
            {
                if (!int.TryParse(piece, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < MinPort or > MaxPort)
                {
                    error = $"NodeAddr must have port numbers between {MinPort} and {MaxPort}, not '{piece}'";
                    return false;
                }

                ports.Add(port);
            }
        }

        nodeAddr = new NodeAddr(ip, ports);
        error = null;
        return true;
    }

    public bool Equals(NodeAddr? other) => other is not null && Ip.Equals(other.Ip) && Ports.SequenceEqual(other.Ports);

    public override bool Equals(object? obj) => Equals(obj as NodeAddr);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Ip);
        foreach (var port in Ports)
        {
            hash.Add(port);
        }

        return hash.ToHashCode();
    }

    public override string ToString() =>
        Ip + ":" + string.Join('/', Ports.Select(p => p.ToString(CultureInfo.InvariantCulture)));

    public static bool operator ==(NodeAddr? left, NodeAddr? right) => Equals(left, right);

    public static bool operator !=(NodeAddr? left, NodeAddr? right) => !Equals(left, right);
}
