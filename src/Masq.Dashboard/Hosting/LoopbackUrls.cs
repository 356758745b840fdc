using System.Net;

namespace Masq.Dashboard.Hosting;

/// <summary>The dashboard listens on loopback only: checks every URL it is asked to bind.</summary>
internal static class LoopbackUrls
{
    /// <summary>Returns one error per URL that is not a loopback address (or cannot be read); empty when all are fine.</summary>
    public static IReadOnlyList<string> Check(string urls)
    {
        var errors = new List<string>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryGetHost(url, out var host))
            {
                errors.Add($"urls - Invalid value '{url}': not an http:// URL with a host and port");
                continue;
            }
            if (!IsLoopback(host))
            {
                errors.Add($"urls - Refusing to listen on '{url}': the dashboard listens on loopback only (127.0.0.1, [::1] or localhost), because it controls your Node and wallets");
            }
        }
        if (errors.Count == 0 && urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length == 0)
        {
            errors.Add("urls - Invalid value '': give at least one URL, e.g. " + DashboardOptions.DefaultUrls);
        }
        return errors;
    }

    public static bool IsLoopback(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address);
    }

    private static bool TryGetHost(string url, out string host)
    {
        host = string.Empty;
        // Kestrel accepts wildcard hosts (* and +) that Uri cannot parse; they are not loopback.
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }
        var scheme = url[..schemeEnd];
        if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var rest = url[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }
            host = authority[..(close + 1)];
            return true;
        }
        var colon = authority.LastIndexOf(':');
        host = colon >= 0 ? authority[..colon] : authority;
        return host.Length > 0;
    }
}
