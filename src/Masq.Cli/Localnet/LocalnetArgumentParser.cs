using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Masq.Cli.Commands.Parsing;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;

namespace Masq.Cli.Localnet;

/// <summary>
/// Parses and validates <c>localnet up N [options]</c>, <c>localnet down [options]</c> and <c>localnet status [options]</c>.
/// Every rejection is a <see cref="CommandSyntaxException"/> that names the bad argument.
/// </summary>
internal static class LocalnetArgumentParser
{
    public const string CountRange = "N must be 1..50";

    private static readonly OptionSpec DataDirectoryOption = OptionSpec.Value("data-directory");

    private static readonly OptionSpec[] UpOptions =
    [
        OptionSpec.Value("base-ip"),
        OptionSpec.Value("min-hops"),
        DataDirectoryOption,
        OptionSpec.Value("chain"),
        OptionSpec.Value("dns-servers"),
        OptionSpec.Value("mode"),
        OptionSpec.Flag("allow-loopback-targets"),
        OptionSpec.Value("first-port"),
        OptionSpec.Value("log-level"),
        OptionSpec.Value("blockchain-service-url"),
        OptionSpec.Value("payment-thresholds"),
        OptionSpec.Value("scan-intervals"),
        OptionSpec.Value("rate-pack"),
    ];

    private static readonly OptionSpec[] DownOptions = [DataDirectoryOption, OptionSpec.Flag("purge")];

    private static readonly OptionSpec[] StatusOptions = [DataDirectoryOption];

    /// <param name="defaultDataDirectory">Used when <c>--data-directory</c> is not given.</param>
    public static LocalnetRequest Parse(IReadOnlyList<string> args, string defaultDataDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            throw new CommandSyntaxException("Missing action for 'localnet': up, down or status");
        }
        var rest = args.Skip(1).ToList();
        switch (args[0])
        {
            case "up":
                return ParseUp(rest, defaultDataDirectory);
            case "down":
            {
                var parsed = ArgumentReader.Read("localnet down", rest, DownOptions);
                return new LocalnetRequest(LocalnetAction.Down, DataDirectory(parsed, defaultDataDirectory), null, parsed.Has("purge"));
            }
            case "status":
            {
                var parsed = ArgumentReader.Read("localnet status", rest, StatusOptions);
                return new LocalnetRequest(LocalnetAction.Status, DataDirectory(parsed, defaultDataDirectory), null, false);
            }
            default:
                throw new CommandSyntaxException($"Unknown action '{args[0]}' for 'localnet' (expected up, down or status)");
        }
    }

    private static LocalnetRequest ParseUp(IReadOnlyList<string> args, string defaultDataDirectory)
    {
        var parsed = ArgumentReader.Read("localnet up", args, UpOptions, maxPositionals: 1);
        var countText = parsed.Positional(0)
            ?? throw new CommandSyntaxException($"Missing N: 'localnet up' needs the number of Nodes to start ({CountRange}), e.g. 'localnet up 3'");
        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < LocalnetDefaults.MinNodes || count > LocalnetDefaults.MaxNodes)
        {
            throw new CommandSyntaxException($"Invalid number of Nodes '{countText}': {CountRange}");
        }

        var baseIp = ParseBaseIp(parsed.Value("base-ip"), count);

        var minHops = LocalnetDefaults.MinHops;
        if (parsed.Value("min-hops") is { } minHopsText
            && (!int.TryParse(minHopsText, NumberStyles.None, CultureInfo.InvariantCulture, out minHops)
                || minHops < SetupParameters.MinMinHops || minHops > SetupParameters.MaxMinHops))
        {
            throw new CommandSyntaxException(
                $"Invalid value for '--min-hops': '{minHopsText}' (expected {SetupParameters.MinMinHops}-{SetupParameters.MaxMinHops})");
        }

        var chainText = parsed.Value("chain") ?? LocalnetDefaults.Chain;
        if (!Chain.TryParse(chainText, out var chain, out _))
        {
            var valid = string.Join(", ", Chain.All.Select(c => c.Id));
            throw new CommandSyntaxException($"Invalid value for '--chain': '{chainText}' (expected one of {valid})");
        }

        var dnsServers = parsed.Value("dns-servers");
        if (dnsServers is not null && !ValueFormats.TryParseDnsServers(dnsServers, out _, out var dnsError))
        {
            throw new CommandSyntaxException($"Invalid value for '--dns-servers': '{dnsServers}' ({dnsError})");
        }

        var mode = parsed.Value("mode") ?? LocalnetDefaults.Mode;
        if (!ValueFormats.TryParseNeighborhoodMode(mode, out var parsedMode, out _))
        {
            throw new CommandSyntaxException($"Invalid value for '--mode': '{mode}' (expected standard)");
        }
        if (parsedMode != NeighborhoodMode.Standard)
        {
            throw new CommandSyntaxException($"Invalid value for '--mode': '{mode}' (a localnet runs standard-mode Nodes only)");
        }

        var lastFirstPort = 65535 - (3 * count) + 1;
        var firstPort = LocalnetDefaults.FirstPort;
        if (parsed.Value("first-port") is { } firstPortText
            && (!int.TryParse(firstPortText, NumberStyles.None, CultureInfo.InvariantCulture, out firstPort)
                || firstPort < 1025 || firstPort > lastFirstPort))
        {
            throw new CommandSyntaxException($"Invalid value for '--first-port': '{firstPortText}' (expected 1025-{lastFirstPort} for {count} Nodes)");
        }

        var logLevel = parsed.Value("log-level") ?? LocalnetDefaults.LogLevel;
        if (!ValueFormats.TryParseLogLevel(logLevel, out _, out _))
        {
            throw new CommandSyntaxException($"Invalid value for '--log-level': '{logLevel}' (expected off, error, warn, info, debug or trace)");
        }

        var url = parsed.Value("blockchain-service-url");
        if (url is not null && !ValueFormats.TryParseServiceUrl(url, out _, out var urlError))
        {
            throw new CommandSyntaxException($"Invalid value for '--blockchain-service-url': '{url}' ({urlError})");
        }

        var thresholds = parsed.Value("payment-thresholds");
        if (thresholds is not null && !PaymentThresholds.TryParse(thresholds, out _, out var thresholdsError))
        {
            throw new CommandSyntaxException(
                $"Invalid value for '--payment-thresholds': '{thresholds}' ({thresholdsError}; expected debtGwei|maturitySec|graceSec|permanentDebtGwei|intervalSec|unbanBelowGwei)");
        }

        var intervals = parsed.Value("scan-intervals");
        if (intervals is not null && !ScanIntervals.TryParse(intervals, out _, out var intervalsError))
        {
            throw new CommandSyntaxException($"Invalid value for '--scan-intervals': '{intervals}' ({intervalsError}; expected pendingPayableSec|payableSec|receivableSec)");
        }

        var ratePack = parsed.Value("rate-pack");
        if (ratePack is not null && !RatePack.TryParse(ratePack, out _, out var ratePackError))
        {
            throw new CommandSyntaxException($"Invalid value for '--rate-pack': '{ratePack}' ({ratePackError}; expected routingByte|routingService|exitByte|exitService)");
        }

        var options = new LocalnetUpOptions(
            count,
            baseIp,
            minHops,
            DataDirectory(parsed, defaultDataDirectory),
            chain.Id,
            dnsServers,
            LocalnetDefaults.Mode,
            parsed.Has("allow-loopback-targets"),
            firstPort,
            logLevel,
            url,
            thresholds,
            intervals,
            ratePack);
        return new LocalnetRequest(LocalnetAction.Up, options.DataDirectory, options, false);
    }

    private static IPAddress ParseBaseIp(string? text, int count)
    {
        if (text is null)
        {
            return LocalnetDefaults.BaseIp;
        }
        if (text.Count(c => c == '.') != 3 || !IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new CommandSyntaxException($"Invalid value for '--base-ip': '{text}' is not an IPv4 address (expected one in 127.0.0.0/8, e.g. 127.0.0.2)");
        }
        var first = LocalnetAddresses.ToNumber(ip);
        if (!LocalnetAddresses.IsUsableLoopback(first))
        {
            throw new CommandSyntaxException($"Invalid value for '--base-ip': '{text}' is not in 127.0.0.0/8 (expected a loopback address such as 127.0.0.2)");
        }
        var last = first + (uint)(count - 1);
        if (!LocalnetAddresses.IsUsableLoopback(last))
        {
            throw new CommandSyntaxException(
                $"Invalid value for '--base-ip': {count} Nodes from {text} would go past 127.255.255.254; choose a lower base address");
        }
        return ip;
    }

    private static string DataDirectory(ParsedArguments parsed, string defaultDataDirectory)
    {
        var text = parsed.Value("data-directory");
        if (text is null)
        {
            return Path.GetFullPath(defaultDataDirectory);
        }
        if (text.Length == 0)
        {
            throw new CommandSyntaxException("Invalid value for '--data-directory': the path is empty");
        }
        if (text == "~" || text.StartsWith("~/", StringComparison.Ordinal))
        {
            text = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), text.Length > 2 ? text[2..] : string.Empty);
        }
        try
        {
            return Path.GetFullPath(text);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CommandSyntaxException($"Invalid value for '--data-directory': '{text}' ({e.Message})", e);
        }
    }
}
