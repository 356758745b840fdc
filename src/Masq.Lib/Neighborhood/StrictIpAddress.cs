using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Masq.Lib.Neighborhood;

/// <summary>
/// IP address parsing without the BCL's lenient forms: <see cref="IPAddress.TryParse(string, out IPAddress)"/> accepts
/// <c>1</c>, <c>1.2</c>, octal and hex parts, and scope ids; a configuration value must be a plain dotted quad or a
/// plain IPv6 address.
/// </summary>
internal static class StrictIpAddress
{
    public static bool TryParseV4(string? text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (string.IsNullOrEmpty(text) || text.Length > 15)
        {
            return false;
        }

        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit))
            {
                return false;
            }

            var value = int.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
            if (value > 255)
            {
                return false;
            }

            bytes[i] = (byte)value;
        }

        address = new IPAddress(bytes);
        return true;
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out IPAddress? address)
    {
        if (TryParseV4(text, out address))
        {
            return true;
        }

        address = null;
        if (string.IsNullOrEmpty(text) || !text.Contains(':', StringComparison.Ordinal) || text.Contains('%', StringComparison.Ordinal)
            || text.Contains('[', StringComparison.Ordinal) || text.Contains('/', StringComparison.Ordinal)
            || !IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        address = parsed;
        return true;
    }
}
