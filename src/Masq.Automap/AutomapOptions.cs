using System.Globalization;
using System.Net;
using Masq.Lib.Configuration;
using Masq.Lib.PortMapping;

namespace Masq.Automap;

/// <summary>automap's command line: which router, which port, which protocols.</summary>
internal sealed record AutomapOptions(IReadOnlyList<MappingProtocol> Protocols, ushort Port, IPAddress? Gateway)
{
    public const string Usage = """
        automap: checks MASQ's automatic firewall penetration against your router.
        For each protocol (PCP, NAT-PMP, UPnP IGD) it maps a TCP port, renews the mapping, learns the public IP and
        deletes the mapping, and prints what worked with timings. Exit code 0 when at least one protocol worked.

        usage: automap [--protocol pcp|pmp|igdp] [--port N] [--gateway IPv4]
          --protocol  try only this protocol (default: all three, PCP first)
          --port      the TCP port to map (default 18 445)
          --gateway   the router to ask (default: the default route's gateway)
        """;

    public static AutomapOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        IReadOnlyList<MappingProtocol> protocols = PortMappers.DefaultOrder;
        ushort port = 18445;
        IPAddress? gateway = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                error = null;
                return null;
            }
            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value";
                return null;
            }
            var value = args[++i];
            switch (name)
            {
                case "--protocol" when ValueFormats.TryParseMappingProtocol(value, out var protocol, out var why):
                    protocols = [protocol];
                    break;
                case "--protocol":
                    error = $"--protocol: '{value}' is not pcp, pmp or igdp";
                    return null;
                case "--port" when ushort.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0:
                    port = p;
                    break;
                case "--gateway" when IPAddress.TryParse(value, out var g) && g.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork:
                    gateway = g;
                    break;
                default:
                    error = $"{name} {value}: not understood";
                    return null;
            }
        }
        error = null;
        return new AutomapOptions(protocols, port, gateway);
    }
}
