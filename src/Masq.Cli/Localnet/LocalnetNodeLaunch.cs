namespace Masq.Cli.Localnet;

/// <summary>The command-line arguments and the environment one Node is started with.</summary>
/// <param name="Arguments">Everything but the secrets, which a command line would show to every user of the machine.</param>
/// <param name="Environment">The secrets as <c>MASQ_*</c> variables (as the Daemon passes them), </param>
internal sealed record LocalnetNodeLaunch(IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment)
{
    public const string DbPasswordVariable = "MASQ_DB_PASSWORD";

    public const string ConsumingPrivateKeyVariable = "MASQ_CONSUMING_PRIVATE_KEY";

    /// <param name="neighborDescriptors">The descriptors of <see cref="LocalnetNodePlan.Neighbors"/>, in that order.</param>
    public static LocalnetNodeLaunch For(LocalnetUpOptions options, LocalnetNodePlan node, IReadOnlyList<string> neighborDescriptors, LocalnetNodeSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(neighborDescriptors);
        ArgumentNullException.ThrowIfNull(secrets);
        var arguments = new List<string>
        {
            "--neighborhood-mode", options.Mode,
            "--ip", node.Ip.ToString(),
            "--clandestine-port", Text(node.ClandestinePort),
            "--ui-port", Text(node.UiPort),
            "--proxy-port", Text(node.ProxyPort),
            "--data-directory", node.DataDirectory,
            "--chain", options.Chain,
            "--min-hops", Text(options.MinHops),
            "--log-level", options.LogLevel,
            "--blockchain-service-url", options.BlockchainServiceUrl ?? LocalnetDefaults.PlaceholderBlockchainServiceUrl,
            "--earning-wallet", EarningWallet(secrets),
        };
        if (options.BlockchainServiceUrl is null)
        {
            // Nothing answers at the placeholder: payment scans would only fill the log with errors.
            arguments.AddRange(["--scans", "off"]);
        }
        if (options.PaymentThresholds is { } thresholds)
        {
            arguments.AddRange(["--payment-thresholds", thresholds]);
        }
        if (options.ScanIntervals is { } intervals)
        {
            arguments.AddRange(["--scan-intervals", intervals]);
        }
        if (options.RatePack is { } ratePack)
        {
            arguments.AddRange(["--rate-pack", ratePack]);
        }
        if (options.DnsServers is { } dns)
        {
            arguments.AddRange(["--dns-servers", dns]);
        }
        if (options.AllowLoopbackTargets)
        {
            arguments.AddRange(["--allow-loopback-targets", "on"]);
        }
        if (neighborDescriptors.Count > 0)
        {
            arguments.AddRange(["--neighbors", string.Join(",", neighborDescriptors)]);
        }
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DbPasswordVariable] = secrets.DbPassword,
            [ConsumingPrivateKeyVariable] = secrets.ConsumingPrivateKey,
        };
        return new LocalnetNodeLaunch(arguments, environment);
    }

    /// <summary>
    /// A distinct earning address per Node, derived from its consuming key so that it stays the same across runs: with
    /// the shared default earning wallet, every Node would be "its own wallet" to the others and nobody would be charged.
    /// Nobody holds its key; it only shows where earnings would go.
    /// </summary>
    public static string EarningWallet(LocalnetNodeSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes("masq localnet earning " + secrets.ConsumingPrivateKey));
        return "0x" + Convert.ToHexStringLower(digest.AsSpan(0, 20));
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
