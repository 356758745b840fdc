using Masq.Lib.Blockchains;
using N = Masq.Lib.Configuration.ParameterNames;

namespace Masq.Lib.Configuration;

/// <summary>
/// The Node's four sources, highest priority first: command line (<c>--name value</c>) &gt; environment
/// (<c>MASQ_NAME</c>) &gt; configuration file (TOML) &gt; values stored in the database &gt; built-in and computed
/// defaults. The configuration file is located from the command line and environment only (never from itself).
/// </summary>
public static class NodeConfigurationResolver
{
    /// <param name="args">The Node's command line, without the program name.</param>
    /// <param name="environment">The process environment.</param>
    /// <param name="databaseValues">Parameter name → value stored in the Node's database; empty before the database
    /// is open (the Node resolves once before dropping privilege and once after opening the database).</param>
    /// <param name="host">Facts about the machine and process.</param>
    public static NodeConfigurationResult Resolve(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, string> databaseValues,
        HostFacts host)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(databaseValues);
        ArgumentNullException.ThrowIfNull(host);

        var commandLine = CommandLineSource.Parse(args);
        var env = EnvironmentSource.Read(environment);
        var errors = new List<ConfigurationError>(commandLine.Errors);

        // Locate the configuration file from the command line and environment alone.
        string? Early(string name) => commandLine.Values.GetValueOrDefault(name) ?? env.GetValueOrDefault(name);
        var earlyUser = PopulatedRealUser(Early(N.RealUser), environment, host);
        var earlyHome = earlyUser.HomeDirectory ?? host.ProcessHome;
        var earlyChain = Chain.TryParse(Early(N.Chain), out var c, out _) ? c : Chain.Default;
        var earlyDataDirectory = Early(N.DataDirectory) is { } dd
            ? ConfigurationPaths.ResolveDataDirectory(dd, earlyHome, host.CurrentDirectory)
            : ConfigurationPaths.DefaultDataDirectory(earlyHome, host, earlyChain);
        var explicitConfigFile = Early(N.ConfigFile);
        var configFilePath = ConfigurationPaths.ResolveConfigFile(
            explicitConfigFile ?? SetupParameters.DefaultConfigFileName, earlyDataDirectory, earlyHome, host.CurrentDirectory);
        var file = TomlConfigFile.Read(configFilePath, mustExist: explicitConfigFile is not null);
        errors.AddRange(file.Errors);

        var values = new Dictionary<string, ResolvedValue>(StringComparer.Ordinal);
        foreach (var parameter in SetupParameters.All)
        {
            var name = parameter.Name;
            if (commandLine.Values.TryGetValue(name, out var v))
            {
                values[name] = new ResolvedValue(v, ValueSource.CommandLine);
            }
            else if (env.TryGetValue(name, out v))
            {
                values[name] = new ResolvedValue(v, ValueSource.Environment, parameter.EnvironmentVariable);
            }
            else if (file.Values.TryGetValue(name, out v))
            {
                values[name] = new ResolvedValue(v, ValueSource.ConfigFile, configFilePath, file.LineOf(name));
            }
            else if (databaseValues.TryGetValue(name, out v) && !string.IsNullOrEmpty(v))
            {
                values[name] = new ResolvedValue(v, ValueSource.Database);
            }
        }

        values[N.ConfigFile] = new ResolvedValue(configFilePath,
            commandLine.Values.ContainsKey(N.ConfigFile) ? ValueSource.CommandLine
            : env.ContainsKey(N.ConfigFile) ? ValueSource.Environment
            : ValueSource.Default,
            env.ContainsKey(N.ConfigFile) && !commandLine.Values.ContainsKey(N.ConfigFile) ? SetupParameters.Get(N.ConfigFile).EnvironmentVariable : null);

        // The real user and data directory as finally given, with the path rules applied.
        var realUserText = values.GetValueOrDefault(N.RealUser)?.Value;
        var realUser = PopulatedRealUser(realUserText, environment, host);
        if (values.TryGetValue(N.RealUser, out var givenUser) && RealUser.TryParse(givenUser.Value, out _, out _))
        {
            values[N.RealUser] = givenUser with { Value = realUser.ToString() };
        }

        var home = realUser.HomeDirectory ?? host.ProcessHome;
        if (values.TryGetValue(N.DataDirectory, out var givenDirectory) && SetupParameters.Get(N.DataDirectory).TryValidate(givenDirectory.Value, out _))
        {
            values[N.DataDirectory] = givenDirectory with
            {
                Value = ConfigurationPaths.ResolveDataDirectory(givenDirectory.Value, home, host.CurrentDirectory),
            };
        }

        var chain = values.TryGetValue(N.Chain, out var givenChain) && Chain.TryParse(givenChain.Value, out var finalChain, out _)
            ? finalChain
            : Chain.Default;
        var mode = values.TryGetValue(N.NeighborhoodMode, out var givenMode) && ValueFormats.TryParseNeighborhoodMode(givenMode.Value, out var m, out _)
            ? m
            : NeighborhoodMode.Standard;
        foreach (var (name, value) in ParameterDefaults.Compute(chain, realUser, mode, host))
        {
            values.TryAdd(name, new ResolvedValue(value, ValueSource.Default));
        }

        var built = NodeSettingsBuilder.Build(values, databaseValues, enforceRequired: true);
        errors.AddRange(built.Errors);
        return new NodeConfigurationResult(errors.Count == 0 ? built.Settings : null, values, errors);
    }

    /// <summary>The real user from a <c>uid:gid:home</c> text (empty or invalid counts as nothing given), filled in.</summary>
    public static RealUser PopulatedRealUser(string? text, IReadOnlyDictionary<string, string> environment, HostFacts host) =>
        (RealUser.TryParse(text, out var given, out _) ? given : new RealUser(null, null, null)).Populate(environment, host);
}
