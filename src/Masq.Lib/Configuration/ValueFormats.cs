using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using Masq.Lib.Neighborhood;

namespace Masq.Lib.Configuration;

/// <summary>
/// Text forms of the simple configuration values: the named choices (modes, levels…), on/off, ports, numbers, IP
/// addresses and URLs. Every parser returns a reason instead of throwing.
/// </summary>
public static class ValueFormats
{
    private static readonly (string Name, NeighborhoodMode Value)[] NeighborhoodModes =
    [
        ("zero-hop", NeighborhoodMode.ZeroHop),
        ("originate-only", NeighborhoodMode.OriginateOnly),
        ("consume-only", NeighborhoodMode.ConsumeOnly),
        ("standard", NeighborhoodMode.Standard),
    ];

    private static readonly (string Name, NodeLogLevel Value)[] LogLevels =
    [
        ("off", NodeLogLevel.Off),
        ("error", NodeLogLevel.Error),
        ("warn", NodeLogLevel.Warn),
        ("info", NodeLogLevel.Info),
        ("debug", NodeLogLevel.Debug),
        ("trace", NodeLogLevel.Trace),
    ];

    private static readonly (string Name, CrashPoint Value)[] CrashPoints =
    [
        ("none", CrashPoint.None),
        ("panic", CrashPoint.Panic),
        ("error", CrashPoint.Error),
        ("message", CrashPoint.Message),
    ];

    private static readonly (string Name, MappingProtocol Value)[] MappingProtocols =
    [
        ("pcp", MappingProtocol.Pcp),
        ("pmp", MappingProtocol.Pmp),
        ("igdp", MappingProtocol.Igdp),
    ];

    private static readonly (string Name, bool Value)[] OnOff = [("on", true), ("off", false)];

    public static string ToText(this NeighborhoodMode mode) => NameOf(NeighborhoodModes, mode);

    public static string ToText(this NodeLogLevel level) => NameOf(LogLevels, level);

    public static string ToText(this CrashPoint crashPoint) => NameOf(CrashPoints, crashPoint);

    public static string ToText(this MappingProtocol protocol) => NameOf(MappingProtocols, protocol);

    public static string OnOffText(bool on) => on ? "on" : "off";

    public static bool TryParseNeighborhoodMode(string? text, out NeighborhoodMode mode, [NotNullWhen(false)] out string? error) =>
        TryParseName(NeighborhoodModes, text, out mode, out error);

    public static bool TryParseLogLevel(string? text, out NodeLogLevel level, [NotNullWhen(false)] out string? error) =>
        TryParseName(LogLevels, text, out level, out error);

    public static bool TryParseCrashPoint(string? text, out CrashPoint crashPoint, [NotNullWhen(false)] out string? error) =>
        TryParseName(CrashPoints, text, out crashPoint, out error);

    /// <summary><c>none</c> appears in the reference Node's help but is rejected there too.</summary>
    public static bool TryParseMappingProtocol(string? text, out MappingProtocol protocol, [NotNullWhen(false)] out string? error) =>
        TryParseName(MappingProtocols, text, out protocol, out error);

    public static bool TryParseOnOff(string? text, out bool on, [NotNullWhen(false)] out string? error) =>
        TryParseName(OnOff, text, out on, out error);

    /// <summary>A port other Nodes or local clients connect to: 1025–65535.</summary>
    public static bool TryParsePort(string? text, out int port, [NotNullWhen(false)] out string? error) =>
        TryParseInt(text, NodeAddr.MinPort, NodeAddr.MaxPort, out port, out error);

    public static bool TryParseInt(string? text, int min, int max, out int value, [NotNullWhen(false)] out string? error)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            error = null;
            return true;
        }

        error = $"Invalid value '{text}': must be a whole number from {min} to {max}";
        return false;
    }

    public static bool TryParseUInt64(string? text, ulong min, out ulong value, [NotNullWhen(false)] out string? error)
    {
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min)
        {
            error = null;
            return true;
        }

        error = $"Invalid value '{text}': must be a whole number from {min} to {ulong.MaxValue}";
        return false;
    }

    /// <summary>A public IPv4 address for the Node's descriptor (descriptors cannot carry IPv6).</summary>
    public static bool TryParseIp(string? text, [NotNullWhen(true)] out IPAddress? ip, [NotNullWhen(false)] out string? error)
    {
        if (StrictIpAddress.TryParseV4(text, out ip))
        {
            error = null;
            return true;
        }

        error = StrictIpAddress.TryParse(text, out _)
            ? $"Invalid value '{text}': node descriptors can only carry IPv4 addresses"
            : $"Invalid value '{text}': must be an IPv4 address such as 1.2.3.4";
        return false;
    }

    /// <summary>Comma-separated IPv4 or IPv6 addresses, blanks around commas ignored; at least one.</summary>
    public static bool TryParseDnsServers(string? text, [NotNullWhen(true)] out IReadOnlyList<IPAddress>? servers, [NotNullWhen(false)] out string? error)
    {
        servers = null;
        var result = new List<IPAddress>();
        foreach (var raw in (text ?? string.Empty).Split(','))
        {
            var item = raw.Trim();
            if (!StrictIpAddress.TryParse(item, out var address))
            {
                error = $"Invalid value '{text}': '{item}' is not an IP address; give comma-separated IP addresses such as 1.1.1.1,8.8.8.8";
                return false;
            }

            if (!result.Contains(address))
            {
                result.Add(address);
            }
        }

        servers = result;
        error = null;
        return true;
    }

    /// <summary>The blockchain service: an absolute http or https URL with a host.</summary>
    public static bool TryParseServiceUrl(string? text, [NotNullWhen(true)] out Uri? url, [NotNullWhen(false)] out string? error)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && url.Host.Length > 0)
        {
            error = null;
            return true;
        }

        url = null;
        error = $"Invalid value '{text}': must be an http:// or https:// URL, such as https://mainnet.base.org";
        return false;
    }

    private static string NameOf<T>((string Name, T Value)[] table, T value)
        where T : struct
    {
        foreach (var (name, candidate) in table)
        {
            if (EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "No text form.");
    }

    private static bool TryParseName<T>((string Name, T Value)[] table, string? text, out T value, [NotNullWhen(false)] out string? error)
    {
        foreach (var (name, candidate) in table)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                error = null;
                return true;
            }
        }

        value = default!;
        error = $"Invalid value '{text}': must be one of {string.Join(", ", table.Select(t => t.Name))}";
        return false;
    }
}
