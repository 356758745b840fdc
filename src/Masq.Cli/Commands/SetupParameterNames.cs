namespace Masq.Cli.Commands;

/// <summary>The parameters <c>setup</c> accepts (spec §4.1); values are checked by the Daemon.</summary>
internal static class SetupParameterNames
{
    /// <summary>Shown by <c>setup --help</c>.</summary>
    public static IReadOnlyList<string> Visible { get; } =
    [
        "blockchain-service-url",
        "chain",
        "clandestine-port",
        "config-file",
        "consuming-private-key",
        "data-directory",
        "db-password",
        "dns-servers",
        "earning-wallet",
        "gas-price",
        "ip",
        "log-level",
        "mapping-protocol",
        "min-hops",
        "neighborhood-mode",
        "neighbors",
        "new-public-key",
        "payment-thresholds",
        "rate-pack",
        "real-user",
        "scan-intervals",
        "scans",
    ];

    /// <summary>Accepted but not advertised: a test hook.</summary>
    public static IReadOnlyList<string> Hidden { get; } = ["crash-point"];

    public static bool IsKnown(string name) => Visible.Contains(name, StringComparer.Ordinal) || Hidden.Contains(name, StringComparer.Ordinal);
}
