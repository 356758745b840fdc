using System.Text.RegularExpressions;

namespace Masq.Dashboard.State;

/// <summary>The Node's router reported another public IP (its ISP gave it one): the Node moved its address there.</summary>
public sealed partial record PublicIpChange(string From, string To, DateTimeOffset At)
{
    /// <summary>
    /// The public IP in the Node's reachability line ("port 1234 mapped on the router 192.0.2.1 by PCP, public IP
    /// 203.0.113.7 (lease 600 s)"); null when the line names none (forward by hand, or nothing reported).
    /// </summary>
    public static string? PublicIpIn(string? reachability) =>
        reachability is not null && PublicIp().Match(reachability) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"public IP ([0-9A-Fa-f:.]+[0-9A-Fa-f])")]
    private static partial Regex PublicIp();
}
