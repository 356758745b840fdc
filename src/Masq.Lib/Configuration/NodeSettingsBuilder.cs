using System.Globalization;
using System.Net;
using Masq.Lib.Blockchains;
using Masq.Lib.Neighborhood;
using N = Masq.Lib.Configuration.ParameterNames;

namespace Masq.Lib.Configuration;

/// <summary>
/// Turns merged parameter values into <see cref="NodeSettings"/>: checks every value's format, then the rules that
/// involve several parameters (ui-daemon-cli-config §4.1 "setup errors"). Every problem is collected; none stops
/// the others from being found. The Daemon runs the same code to report setup errors.
/// </summary>
public static class NodeSettingsBuilder
{
    /// <param name="values">Name → value and source, defaults included; empty values are treated as absent.</param>
    /// <param name="databaseValues">Values stored in the Node's database (name → value), for the rules that compare
    /// against them: wallets must equal the stored ones, and the database must be for the same chain.</param>
    /// <param name="enforceRequired">True for the Node: a missing value it cannot run without is an error. The Daemon
    /// passes false and shows such parameters as <see cref="SetupStatus.Required"/> instead.</param>
    public static NodeSettingsResult Build(
        IReadOnlyDictionary<string, ResolvedValue> values,
        IReadOnlyDictionary<string, string> databaseValues,
        bool enforceRequired)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(databaseValues);
        var reader = new Reader(values);

        var chain = reader.ParseReference(N.Chain, v => (Chain.TryParse(v, out var c, out var e) ? c : null, "Invalid value: " + e)) ?? Chain.Default;
        var mode = reader.Parse(N.NeighborhoodMode, v => (ValueFormats.TryParseNeighborhoodMode(v, out var m, out var e) ? m : (NeighborhoodMode?)null, e), NeighborhoodMode.Standard);
        var dataDirectory = reader.Validated(N.DataDirectory);
        var configFile = reader.Validated(N.ConfigFile);
        var uiPort = reader.Parse(N.UiPort, v => (ValueFormats.TryParsePort(v, out var p, out var e) ? p : (int?)null, e), SetupParameters.DefaultUiPort);
        var clandestinePort = reader.ParseOptional(N.ClandestinePort, v => (ValueFormats.TryParsePort(v, out var p, out var e) ? p : (int?)null, e));
        var ip = reader.ParseReference(N.Ip, v => (ValueFormats.TryParseIp(v, out var a, out var e) ? a : null, e));
        var dnsServers = reader.ParseReference(N.DnsServers, v => (ValueFormats.TryParseDnsServers(v, out var s, out var e) ? s : null, e)) ?? [];
        var logLevel = reader.Parse(N.LogLevel, v => (ValueFormats.TryParseLogLevel(v, out var l, out var e) ? l : (NodeLogLevel?)null, e), NodeLogLevel.Warn);
        var minHops = reader.Parse(N.MinHops, v => (ValueFormats.TryParseInt(v, SetupParameters.MinMinHops, SetupParameters.MaxMinHops, out var h, out var e) ? h : (int?)null, e), 3);
        var ratePack = reader.ParseReference(N.RatePack, v => (RatePack.TryParse(v, out var r, out var e) ? r : null, e)) ?? RatePack.Default;
        var thresholds = reader.ParseReference(N.PaymentThresholds, v => (PaymentThresholds.TryParse(v, out var t, out var e) ? t : null, e)) ?? PaymentThresholds.Default;
        var scanIntervals = reader.ParseReference(N.ScanIntervals, v => (ScanIntervals.TryParse(v, out var s, out var e) ? s : null, e)) ?? ScanIntervals.Default;
        var scans = reader.Parse(N.Scans, v => (ValueFormats.TryParseOnOff(v, out var o, out var e) ? o : (bool?)null, e), true);
        var gasPrice = reader.Parse(N.GasPrice, v => (ValueFormats.TryParseUInt64(v, 1, out var g, out var e) ? g : (ulong?)null, e), 1UL);
        var serviceUrl = reader.ParseReference(N.BlockchainServiceUrl, v => (ValueFormats.TryParseServiceUrl(v, out var u, out var e) ? u : null, e));
        var earningWallet = reader.ParseReference(N.EarningWallet, v => (WalletAddress.TryParse(v, out var w, out var e) ? w : null, e));
        var consumingKey = reader.ParseReference(N.ConsumingPrivateKey, v => (PrivateKeyFormat.IsValid(v) ? v : null, PrivateKeyFormat.InvalidReason));
        var dbPassword = reader.Text(N.DbPassword);
        var allowLoopback = reader.Parse(N.AllowLoopbackTargets, v => (ValueFormats.TryParseOnOff(v, out var o, out var e) ? o : (bool?)null, e), false);
        var newPublicKey = reader.Parse(N.NewPublicKey, v => (ValueFormats.TryParseOnOff(v, out var o, out var e) ? o : (bool?)null, e), false);
        var realUser = reader.ParseReference(N.RealUser, v => (RealUser.TryParse(v, out var r, out var e) ? r : null, e)) ?? new RealUser(null, null, null);
        var mappingProtocol = reader.ParseOptional(N.MappingProtocol, v => (ValueFormats.TryParseMappingProtocol(v, out var m, out var e) ? m : (MappingProtocol?)null, e));
        var crashPoint = reader.Parse(N.CrashPoint, v => (ValueFormats.TryParseCrashPoint(v, out var c, out var e) ? c : (CrashPoint?)null, e), CrashPoint.None);
        var fakePublicKey = reader.Validated(N.FakePublicKey);
        var proxyPort = reader.ParseOptional(N.ProxyPort, v => (SetupParameters.Get(N.ProxyPort).TryValidate(v, out var e) ? int.Parse(v, CultureInfo.InvariantCulture) : (int?)null, e))
            ?? SetupParameters.DefaultProxyPort;
        var socksPort = reader.ParseOptional(N.SocksPort, v => (SetupParameters.Get(N.SocksPort).TryValidate(v, out var e) ? int.Parse(v, CultureInfo.InvariantCulture) : (int?)null, e)) ?? 0;
        var neighbors = ParseNeighbors(reader, chain);

        var errors = reader.Errors;
        CheckModeRules(reader, mode, neighbors, dbPassword, enforceRequired, errors);
        CheckStoredValues(reader, databaseValues, chain, dataDirectory, earningWallet, consumingKey, errors);
        if (enforceRequired && serviceUrl is null && !reader.IsInvalid(N.BlockchainServiceUrl) && mode != NeighborhoodMode.ZeroHop
            && crashPoint == CrashPoint.None && fakePublicKey is null)
        {
            errors.Add(new ConfigurationError(N.BlockchainServiceUrl,
                "Required: the Node needs a blockchain service to pay and be paid, unless --neighborhood-mode is zero-hop"));
        }

        if (dataDirectory is null && !reader.IsInvalid(N.DataDirectory))
        {
            errors.Add(new ConfigurationError(N.DataDirectory, "Required: no data directory could be determined"));
        }

        if (errors.Count > 0)
        {
            return new NodeSettingsResult(null, errors);
        }

        var settings = new NodeSettings
        {
            Chain = chain,
            DataDirectory = dataDirectory!,
            ConfigFile = configFile ?? Path.Join(dataDirectory!, SetupParameters.DefaultConfigFileName),
            UiPort = uiPort,
            ClandestinePort = clandestinePort,
            Ip = ip,
            NeighborhoodMode = mode,
            Neighbors = neighbors,
            DnsServers = dnsServers,
            LogLevel = logLevel,
            MinHops = minHops,
            RatePack = ratePack,
            PaymentThresholds = thresholds,
            ScanIntervals = scanIntervals,
            ScansEnabled = scans,
            GasPrice = gasPrice,
            BlockchainServiceUrl = serviceUrl,
            EarningWallet = earningWallet,
            ConsumingPrivateKey = consumingKey,
            DbPassword = dbPassword,
            NewPublicKey = newPublicKey,
            RealUser = realUser,
            MappingProtocol = mappingProtocol,
            CrashPoint = crashPoint,
            FakePublicKey = fakePublicKey,
            ProxyPort = proxyPort,
            SocksPort = socksPort,
            AllowLoopbackTargets = allowLoopback,
        };
        return new NodeSettingsResult(settings, []);
    }

    private static List<NodeDescriptor> ParseNeighbors(Reader reader, Chain chain)
    {
        var neighbors = new List<NodeDescriptor>();
        var text = reader.Text(N.Neighbors);
        if (text is null)
        {
            return neighbors;
        }

        foreach (var raw in text.Split(','))
        {
            var item = raw.Trim();
            if (!NodeDescriptor.TryParse(item, out var descriptor, out var error))
            {
                reader.Fail(N.Neighbors, error);
                continue;
            }

            if (!ReferenceEquals(descriptor.Chain, chain))
            {
                reader.Fail(N.Neighbors,
                    $"Mismatched chains: neighbor '{item}' is on {descriptor.Chain.Id}, but this Node is on {chain.Id}");
                continue;
            }

            if (descriptor.NodeAddr is null || descriptor.NodeAddr.Ports.Length == 0)
            {
                reader.Fail(N.Neighbors,
                    $"Neighbor '{item}' has no IP address and port; a first contact must be reachable (…@<ip>:<port>)");
                continue;
            }

            if (!neighbors.Contains(descriptor))
            {
                neighbors.Add(descriptor);
            }
        }

        return neighbors;
    }

    private static void CheckModeRules(
        Reader reader, NeighborhoodMode mode, List<NodeDescriptor> neighbors, string? dbPassword, bool enforceRequired, List<ConfigurationError> errors)
    {
        var modeText = mode.ToText();
        if (mode is NeighborhoodMode.OriginateOnly or NeighborhoodMode.ConsumeOnly && enforceRequired
            && neighbors.Count == 0 && !reader.IsInvalid(N.Neighbors))
        {
            errors.Add(new ConfigurationError(N.Neighbors,
                $"Node cannot run as --neighborhood-mode {modeText} without --neighbors specified"));
        }

        if (mode == NeighborhoodMode.ConsumeOnly && reader.IsGiven(N.DnsServers))
        {
            errors.Add(new ConfigurationError(N.DnsServers,
                "Node cannot run as --neighborhood-mode consume-only if --dns-servers is specified: a consume-only Node exits no traffic"));
        }

        if (mode == NeighborhoodMode.ZeroHop && reader.IsPresent(N.Ip))
        {
            errors.Add(new ConfigurationError(N.Ip,
                "Node cannot run as --neighborhood-mode zero-hop if --ip is specified: a zero-hop Node has no public address"));
        }

        if (mode == NeighborhoodMode.ZeroHop && reader.IsGiven(N.Neighbors) && dbPassword is null)
        {
            errors.Add(new ConfigurationError(N.Neighbors,
                "A zero-hop Node only saves --neighbors as past neighbors, which needs --db-password"));
        }
    }

    private static void CheckStoredValues(
        Reader reader,
        IReadOnlyDictionary<string, string> databaseValues,
        Chain chain,
        string? dataDirectory,
        WalletAddress? earningWallet,
        string? consumingKey,
        List<ConfigurationError> errors)
    {
        if (databaseValues.TryGetValue(N.Chain, out var storedChain) && !reader.IsInvalid(N.Chain) && storedChain != chain.Id)
        {
            errors.Add(new ConfigurationError(N.Chain,
                $"The database in {dataDirectory} is for chain {storedChain}, not {chain.Id}"));
        }

        if (earningWallet is not null && reader.IsGiven(N.EarningWallet)
            && databaseValues.TryGetValue(N.EarningWallet, out var storedText)
            && WalletAddress.TryParse(storedText, out var stored, out _) && stored != earningWallet)
        {
            errors.Add(new ConfigurationError(N.EarningWallet,
                $"Invalid value '{earningWallet}': the database already holds earning wallet {stored}; the two must be the same"));
        }

        if (consumingKey is not null && reader.IsGiven(N.ConsumingPrivateKey)
            && databaseValues.TryGetValue(N.ConsumingPrivateKey, out var storedKey)
            && !string.Equals(storedKey, consumingKey, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new ConfigurationError(N.ConsumingPrivateKey,
                "Invalid value: the database already holds a different consuming wallet key; the two must be the same"));
        }
    }

    /// <summary>Reads values one by one, recording a format error per bad value.</summary>
    private sealed class Reader(IReadOnlyDictionary<string, ResolvedValue> values)
    {
        private readonly HashSet<string> _invalid = new(StringComparer.Ordinal);

        public List<ConfigurationError> Errors { get; } = [];

        public string? Text(string name) =>
            values.TryGetValue(name, out var v) && v.Value.Length > 0 ? v.Value : null;

        public bool IsPresent(string name) => Text(name) is not null;

        public bool IsGiven(string name) => IsPresent(name) && values[name].IsGiven;

        public bool IsInvalid(string name) => _invalid.Contains(name);

        /// <summary>Records a bad value; one from the configuration file or environment says where it is.</summary>
        public void Fail(string name, string reason)
        {
            _invalid.Add(name);
            var location = values.TryGetValue(name, out var v) ? v.ErrorLocation : null;
            Errors.Add(new ConfigurationError(name, location is null ? reason : $"{location}: {reason}"));
        }

        public string? Validated(string name)
        {
            var text = Text(name);
            if (text is null)
            {
                return null;
            }

            if (!SetupParameters.Get(name).TryValidate(text, out var reason))
            {
                Fail(name, reason);
                return null;
            }

            return text;
        }

        public T Parse<T>(string name, Func<string, (T? Value, string? Error)> parse, T fallback)
            where T : struct =>
            ParseOptional(name, parse) ?? fallback;

        public T? ParseOptional<T>(string name, Func<string, (T? Value, string? Error)> parse)
            where T : struct
        {
            var text = Text(name);
            if (text is null)
            {
                return null;
            }

            var (value, error) = parse(text);
            if (value is null)
            {
                Fail(name, error ?? "Invalid value");
            }

            return value;
        }

        public T? ParseReference<T>(string name, Func<string, (T? Value, string? Error)> parse)
            where T : class
        {
            var text = Text(name);
            if (text is null)
            {
                return null;
            }

            var (value, error) = parse(text);
            if (value is null)
            {
                Fail(name, error ?? "Invalid value");
            }

            return value;
        }
    }
}
