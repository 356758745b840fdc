using System.Collections.Immutable;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using N = Masq.Lib.Configuration.ParameterNames;

namespace Masq.Daemon.Setup;

/// <summary>
/// The Daemon's setup space: parameter name → value and status (ui-daemon-cli-config §4.2). Values Set through setup
/// beat the Daemon's own environment and configuration file (Configured), which beat values stored in the Node's
/// database and computed defaults (Default); what is still empty is Required or Blank according to the neighborhood
/// mode. Everything but Set entries is recomputed on every change, so nothing derived from an earlier data directory
/// or chain lingers. The Daemon never writes the database.
/// </summary>
/// <remarks>
/// <see cref="Apply"/> calls are serialized; <see cref="Current"/> and <see cref="LaunchArguments"/> may be read
/// from any thread at any time and always see one complete cluster.
/// </remarks>
public sealed class SetupSpace
{
    private const int CensoredPasswordLength = 16;
    private const int CensoredKeyLength = 64;

    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly HostFacts _host;
    private readonly INodeDatabaseReader _databaseReader;
    private readonly Lock _gate = new();
    private volatile IReadOnlyList<SetupEntry> _current = ImmutableArray<SetupEntry>.Empty;

    /// <param name="environment">The Daemon's own environment (<c>MASQ_*</c> values, sudo variables).</param>
    /// <param name="host">Facts about the machine and the Daemon's process.</param>
    /// <param name="databaseReader">Read-only access to a Node database, for computed defaults and past neighbors.</param>
    public SetupSpace(IReadOnlyDictionary<string, string> environment, HostFacts host, INodeDatabaseReader databaseReader)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(databaseReader);
        _environment = environment;
        _host = host;
        _databaseReader = databaseReader;
    }

    /// <summary>A setup space for the running Daemon: its real environment and host facts.</summary>
    public static SetupSpace ForDaemonProcess(INodeDatabaseReader databaseReader) =>
        new(HostFacts.CaptureEnvironment(), HostFacts.Capture(), databaseReader);

    /// <summary>The stored cluster, sorted by name; empty until the first <see cref="Apply"/>. Uncensored.</summary>
    public IReadOnlyList<SetupEntry> Current => _current;

    /// <summary>
    /// Merges changes into the cluster and stores the result, even when there are errors; then the entries being
    /// cleared are restored (and the data directory too when the chain was cleared).
    /// </summary>
    /// <param name="changes">Name and new value; a null or empty value clears a value Set earlier.</param>
    public SetupResult Apply(IReadOnlyList<(string Name, string? Value)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            var before = _current.ToDictionary(e => e.Name, StringComparer.Ordinal);
            var errors = new List<ConfigurationError>();
            var set = before.Values.Where(e => e.Status == SetupStatus.Set)
                .ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
            var cleared = new Dictionary<string, SetupEntry>(StringComparer.Ordinal);
            var incoming = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, value) in changes)
            {
                if (!SetupParameters.TryGet(name, out var parameter) || !parameter.IsSetupParameter)
                {
                    errors.Add(new ConfigurationError(name ?? string.Empty, parameter is null
                        ? $"Unknown parameter '{name}'"
                        : $"'{name}' is not a setup parameter"));
                    continue;
                }

                if (string.IsNullOrEmpty(value))
                {
                    if (before.TryGetValue(name, out var old) && old.Status == SetupStatus.Set)
                    {
                        cleared.TryAdd(name, old);
                    }

                    set.Remove(name);
                    incoming.Remove(name);
                }
                else
                {
                    set[name] = value;
                    incoming.Add(name);
                    cleared.Remove(name);
                }
            }

            var previousChain = before.TryGetValue(N.Chain, out var chainEntry) && Chain.TryParse(chainEntry.Value, out var pc, out _)
                ? pc
                : Chain.Default;
            var entries = Compute(set, incoming, previousChain, errors);

            if (errors.Count > 0)
            {
                foreach (var (name, old) in cleared)
                {
                    entries[name] = old;
                }

                if (cleared.ContainsKey(N.Chain) && before.TryGetValue(N.DataDirectory, out var oldDirectory))
                {
                    entries[N.DataDirectory] = oldDirectory;
                }
            }

            var after = entries.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToImmutableArray();
            var changed = after.Any(e => !before.TryGetValue(e.Name, out var old) || old.Value != e.Value);
            _current = after;
            return new SetupResult(after, errors, changed, changed && before.Count > 0);
        }
    }

    /// <summary>
    /// The Node's command line: <c>--name value</c> for every Set and Configured entry that is not secret, sorted by
    /// name (the Node recomputes the rest). The Daemon adds <c>--ui-port</c>. Secrets go in
    /// <see cref="LaunchEnvironment"/> instead: a command line is readable by every user of the machine.
    /// </summary>
    public IReadOnlyList<string> LaunchArguments()
    {
        var arguments = new List<string>();
        foreach (var entry in LaunchEntries().Where(e => !SetupParameters.Get(e.Name).IsSecret))
        {
            arguments.Add("--" + entry.Name);
            arguments.Add(entry.Value);
        }

        return arguments;
    }

    /// <summary>The secret Set and Configured entries as the Node's <c>MASQ_*</c> environment variables.</summary>
    public IReadOnlyDictionary<string, string> LaunchEnvironment() =>
        LaunchEntries()
            .Select(e => (Parameter: SetupParameters.Get(e.Name), e.Value))
            .Where(p => p.Parameter.IsSecret)
            .ToDictionary(p => p.Parameter.EnvironmentVariable, p => p.Value, StringComparer.Ordinal);

    private IEnumerable<SetupEntry> LaunchEntries() =>
        _current.Where(entry => entry.Status is SetupStatus.Set or SetupStatus.Configured && entry.Value.Length > 0);

    /// <summary>The entries as UIs see them: a non-empty db-password shows as 16 <c>*</c>, a consuming-private-key as 64.</summary>
    public static IReadOnlyList<SetupEntry> Censor(IEnumerable<SetupEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Select(e => e with { Value = CensorValue(e.Name, e.Value) }).ToList();
    }

    /// <summary>One value as UIs see it (see <see cref="Censor"/>).</summary>
    public static string CensorValue(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 0 ? value : name switch
        {
            N.DbPassword => new string('*', CensoredPasswordLength),
            N.ConsumingPrivateKey => new string('*', CensoredKeyLength),
            _ => value,
        };
    }

    private Dictionary<string, SetupEntry> Compute(
        Dictionary<string, string> set, HashSet<string> incoming, Chain previousChain, List<ConfigurationError> errors)
    {
        var env = EnvironmentSource.Read(_environment)
            .Where(kv => SetupParameters.Get(kv.Key).IsSetupParameter)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        string? SetOrEnv(string name) => set.GetValueOrDefault(name) ?? env.GetValueOrDefault(name);

        // Locate the configuration file from the Set values and the environment alone (never from the file itself).
        var earlyUser = NodeConfigurationResolver.PopulatedRealUser(SetOrEnv(N.RealUser), _environment, _host);
        var earlyHome = earlyUser.HomeDirectory ?? _host.ProcessHome;
        var earlyChain = Chain.TryParse(SetOrEnv(N.Chain), out var ec, out _) ? ec : Chain.Default;
        var earlyDirectory = DataDirectory(set, env, incoming, previousChain, earlyChain, earlyHome, null).Value;
        var explicitConfigFile = SetOrEnv(N.ConfigFile);
        var configFilePath = ConfigurationPaths.ResolveConfigFile(
            explicitConfigFile ?? SetupParameters.DefaultConfigFileName, earlyDirectory, earlyHome, _host.CurrentDirectory);
        var file = TomlConfigFile.Read(configFilePath, mustExist: explicitConfigFile is not null);
        errors.AddRange(file.Errors);

        // Environment beats the file; both count as Configured. A value that is malformed is reported where it is
        // written and left out, so that it is never shown as the current value.
        var configured = new Dictionary<string, SetupCandidate>(StringComparer.Ordinal);
        foreach (var (name, value) in file.Values)
        {
            AddConfigured(configured, new SetupCandidate(value, SetupStatus.Configured, ValueSource.ConfigFile, configFilePath, file.LineOf(name)), name, errors);
        }

        foreach (var (name, value) in env)
        {
            AddConfigured(configured, new SetupCandidate(value, SetupStatus.Configured, ValueSource.Environment, SetupParameters.Get(name).EnvironmentVariable), name, errors);
        }

        string? Given(string name) => set.GetValueOrDefault(name) ?? configured.GetValueOrDefault(name)?.Value;

        var chain = Chain.TryParse(Given(N.Chain), out var fc, out _) ? fc : Chain.Default;
        var realUser = NodeConfigurationResolver.PopulatedRealUser(Given(N.RealUser), _environment, _host);
        var home = realUser.HomeDirectory ?? _host.ProcessHome;
        var directory = DataDirectory(set, configured.ToDictionary(kv => kv.Key, kv => kv.Value.Value, StringComparer.Ordinal),
            incoming, previousChain, chain, home, errors);
        if (!set.ContainsKey(N.DataDirectory) && configured.TryGetValue(N.DataDirectory, out var configuredDirectory))
        {
            directory = configuredDirectory with { Value = directory.Value };
        }

        var dbPassword = Given(N.DbPassword);
        var snapshot = ReadDatabase(directory.Value, dbPassword);
        if (snapshot is not null && dbPassword is not null && !snapshot.PasswordMatches)
        {
            errors.Add(new ConfigurationError(N.DbPassword, $"Incorrect password for the database in {directory.Value}"));
        }

        var stored = snapshot?.StoredValues ?? NoValues;
        var mode = ValueFormats.TryParseNeighborhoodMode(Given(N.NeighborhoodMode) ?? stored.GetValueOrDefault(N.NeighborhoodMode), out var m, out _)
            ? m
            : NeighborhoodMode.Standard;
        var testHookActive = ValueFormats.TryParseCrashPoint(Given(N.CrashPoint), out var crashPoint, out _) && crashPoint != CrashPoint.None;
        var defaults = ParameterDefaults.Compute(chain, realUser, mode, _host);

        var entries = new Dictionary<string, SetupEntry>(StringComparer.Ordinal);
        var values = new Dictionary<string, ResolvedValue>(StringComparer.Ordinal);
        foreach (var parameter in SetupParameters.SetupOnly)
        {
            var name = parameter.Name;
            SetupCandidate? candidate;
            if (name == N.DataDirectory)
            {
                candidate = directory;
            }
            else if (set.TryGetValue(name, out var setValue))
            {
                candidate = new SetupCandidate(setValue, SetupStatus.Set, ValueSource.CommandLine);
            }
            else if (configured.TryGetValue(name, out var configuredCandidate))
            {
                candidate = configuredCandidate;
            }
            else if (stored.TryGetValue(name, out var storedValue) && !string.IsNullOrEmpty(storedValue))
            {
                candidate = new SetupCandidate(storedValue, StoredStatus(parameter, storedValue), ValueSource.Database);
            }
            else if (name == N.Neighbors && dbPassword is not null && snapshot?.PastNeighbors is { Count: > 0 } pastNeighbors)
            {
                candidate = new SetupCandidate(string.Join(',', pastNeighbors), SetupStatus.Configured, ValueSource.Database);
            }
            else if (defaults.TryGetValue(name, out var defaultValue))
            {
                candidate = new SetupCandidate(defaultValue, SetupStatus.Default, ValueSource.Default);
            }
            else
            {
                candidate = null;
            }

            if (candidate is null)
            {
                var status = parameter.IsRequiredIn(mode, testHookActive) ? SetupStatus.Required : SetupStatus.Blank;
                entries[name] = new SetupEntry(name, string.Empty, status);
                continue;
            }

            entries[name] = new SetupEntry(name, candidate.Value, candidate.Status, candidate.Origin);
            values[name] = candidate.ToResolved(name == N.ConfigFile ? configFilePath : candidate.Value);
        }

        errors.AddRange(NodeSettingsBuilder.Build(values, stored, enforceRequired: false).Errors);
        return entries;
    }

    /// <summary>Adds a configured value that is well formed; reports one that is not, naming the file and line or the variable.</summary>
    private static void AddConfigured(Dictionary<string, SetupCandidate> configured, SetupCandidate candidate, string name, List<ConfigurationError> errors)
    {
        var parameter = SetupParameters.Get(name);
        if (!parameter.IsSetupParameter)
        {
            return;
        }

        if (!parameter.TryValidate(candidate.Value, out var reason))
        {
            errors.Add(new ConfigurationError(name, $"{candidate.ToResolved(candidate.Value).ErrorLocation}: {reason}"));
            configured.Remove(name);
            return;
        }

        configured[name] = candidate;
    }

    /// <summary>
    /// The data directory: Set through setup, it keeps the chain's folder at its end (appended to a new value, swapped
    /// on a chain change); from the environment or configuration file it is used as given; otherwise the default.
    /// </summary>
    private SetupCandidate DataDirectory(
        Dictionary<string, string> set,
        Dictionary<string, string> configured,
        HashSet<string> incoming,
        Chain previousChain,
        Chain chain,
        string home,
        List<ConfigurationError>? errors)
    {
        if (set.TryGetValue(N.DataDirectory, out var setValue))
        {
            if (!incoming.Contains(N.DataDirectory))
            {
                return new SetupCandidate(ConfigurationPaths.SwapChainFolder(setValue, previousChain, chain), SetupStatus.Set, ValueSource.CommandLine);
            }

            var expanded = ConfigurationPaths.ExpandHome(setValue, home);
            if (!Path.IsPathFullyQualified(expanded) || !SetupParameters.Get(N.DataDirectory).TryValidate(expanded, out _))
            {
                // The Daemon's current directory means nothing to the user, so a relative path cannot be resolved.
                errors?.Add(new ConfigurationError(N.DataDirectory,
                    $"Invalid value '{setValue}': a data directory given through setup must be an absolute path or start with ~/"));
                return new SetupCandidate(setValue, SetupStatus.Set, ValueSource.CommandLine);
            }

            return new SetupCandidate(ConfigurationPaths.WithChainFolder(expanded, chain), SetupStatus.Set, ValueSource.CommandLine);
        }

        if (configured.TryGetValue(N.DataDirectory, out var configuredValue))
        {
            return new SetupCandidate(
                ConfigurationPaths.ResolveDataDirectory(configuredValue, home, _host.CurrentDirectory), SetupStatus.Configured, ValueSource.Environment);
        }

        return new SetupCandidate(ConfigurationPaths.DefaultDataDirectory(home, _host, chain), SetupStatus.Default, ValueSource.Default);
    }

    private NodeDatabaseSnapshot? ReadDatabase(string chainDataDirectory, string? dbPassword)
    {
        if (!Path.IsPathFullyQualified(chainDataDirectory))
        {
            return null;
        }

        try
        {
            return _databaseReader.TryRead(chainDataDirectory, dbPassword);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable database gives no computed defaults, as a missing one does.
            return null;
        }
    }

    /// <summary>Values stored in the database count as Configured where the user chose them, Default otherwise.</summary>
    private static SetupStatus StoredStatus(SetupParameter parameter, string value) => parameter.Name switch
    {
        N.ClandestinePort or N.MappingProtocol or N.EarningWallet => SetupStatus.Configured,
        N.MinHops or N.NeighborhoodMode or N.PaymentThresholds or N.RatePack or N.ScanIntervals =>
            string.Equals(value.Trim(), parameter.DefaultValue, StringComparison.OrdinalIgnoreCase) ? SetupStatus.Default : SetupStatus.Configured,
        _ => SetupStatus.Default,
    };
}
