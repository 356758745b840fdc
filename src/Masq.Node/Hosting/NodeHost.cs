using Masq.Daemon.Ui;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Neighborhood;
using Masq.Node.Accounting;
using Masq.Node.Actors;
using Masq.Node.Configuration;
using Masq.Node.Crypto;
using Masq.Node.EntryDns;
using Masq.Node.Networking;
using Masq.Node.Persistence;
using Masq.Node.Platform;
using Masq.Node.PortMapping;
using Masq.Node.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Masq.Node.DataPath;

namespace Masq.Node.Hosting;

/// <summary>
/// Starts a Node: resolves its configuration, opens its log, binds what needs privilege, drops privilege, opens the
/// database, settles its identity, serves the UI hub on loopback and runs its actors until told to stop.
/// </summary>
internal static class NodeHost
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        // 1. Configuration without the database: enough to find the data directory, the log and the real user.
        var early = NodeConfigurationLoader.Load(args);
        // Only a missing value that the database may still supply can wait for the database; anything else given
        // wrongly stops the Node before it creates or touches anything.
        if (early.Errors.Any(e => !MayComeFromDatabase(e, early)))
        {
            await Console.Error.WriteAsync(NodeConfigurationLoader.FormatErrors(early.Errors)).ConfigureAwait(false);
            return 1;
        }
        var dataDirectory = early.Values[ParameterNames.DataDirectory].Value;
        var chainName = early.Values[ParameterNames.Chain].Value;
        var logLevel = ValueFormats.TryParseLogLevel(early.Values[ParameterNames.LogLevel].Value, out var level, out _) ? level : NodeLogLevel.Warn;
        var crashPoint = ValueFormats.TryParseCrashPoint(early.Values.GetValueOrDefault(ParameterNames.CrashPoint)?.Value ?? "none", out var cp, out _) ? cp : CrashPoint.None;

        // 2. Privileged work, before anything in the data directory is touched: the browser ports 80/443 (when this
        // process may bind them), the UI cookie; then become the real user. Until then the log is held in memory.
        var environment = HostFacts.CaptureEnvironment();
        var bootLog = new StartupLogBuffer();
        using var privilegedSockets = PrivilegedBrowserSockets.BindIfPermitted(bootLog);
        using var entryDnsSockets = EntryDnsSockets.BindIfPermitted(bootLog);
        var realUser = NodeConfigurationResolver.PopulatedRealUser(early.Values.GetValueOrDefault(ParameterNames.RealUser)?.Value, environment, HostFacts.Capture());
        var uiPort = int.Parse(early.Values[ParameterNames.UiPort].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (EstablishUiCookie(uiPort, realUser, out var problem) is not { } uiSecret)
        {
            await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            return 1;
        }
        if (PrivilegeDropper.DropTo(realUser, dataDirectory, RootPolicy.IsRootAllowed(environment), bootLog) is { } refusal)
        {
            await Console.Error.WriteLineAsync(refusal).ConfigureAwait(false);
            return 1;
        }

        try
        {
            Directory.CreateDirectory(dataDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"Cannot create the data directory {dataDirectory} as uid {realUser.Uid}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        var broadcastSink = new UiLogBroadcastSink();
        await using var serilog = NodeLogging.Create(dataDirectory, logLevel, broadcastSink);
        using var loggerFactory = new SerilogLoggerFactory(serilog, dispose: false);
        var startupLogger = loggerFactory.CreateLogger("Masq.Node.Hosting.NodeHost");
        bootLog.ReplayInto(startupLogger);

        if (crashPoint == CrashPoint.Panic)
        {
            throw new CrashTestException("CrashTestDummy: the Node was started with --crash-point panic");
        }

        // 3. The database, then the configuration with its stored values.
        var keyDerivation = new PasswordKeyDerivation(KdfCost.Production);
        NodeDatabaseFactory databases;
        try
        {
            databases = new DatabaseInitializer(new ClandestinePortPicker(), loggerFactory.CreateLogger<DatabaseInitializer>())
                .OpenOrCreate(dataDirectory, chainName);
        }
        catch (Exception e) when (e is PersistenceException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            startupLogger.LogCritical("Cannot open the Node database in {DataDirectory}: {Reason}", dataDirectory, e.Message);
            await Console.Error.WriteLineAsync($"Cannot open the Node database in {dataDirectory}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        try
        {
            var configuration = new PersistentConfiguration(databases, keyDerivation);
            var password = early.Values.GetValueOrDefault(ParameterNames.DbPassword)?.Value;
            if (!string.IsNullOrEmpty(password) && configuration.SetPasswordIfNone(password))
            {
                startupLogger.LogInformation("The database had no password; the one given is now its password");
            }
            var resolved = NodeConfigurationLoader.Load(args, NodeDatabaseReader.ToSetupValues(configuration.ReadPlainValues()));
            if (resolved.Settings is not { } settings)
            {
                await Console.Error.WriteAsync(NodeConfigurationLoader.FormatErrors(resolved.Errors)).ConfigureAwait(false);
                return 1;
            }
            var problems = NodeStartup.Reconcile(settings, resolved, configuration, startupLogger);
            if (problems.Count > 0)
            {
                await Console.Error.WriteAsync(NodeConfigurationLoader.FormatErrors(problems)).ConfigureAwait(false);
                return 1;
            }
            var clandestinePort = (ushort)(settings.ClandestinePort ?? configuration.GetClandestinePort());
            var reachability = await PortMappingStartup.EstablishAsync(settings, configuration, clandestinePort, startupLogger, cancellationToken).ConfigureAwait(false);
            if (reachability.SetupError is { } unreachable)
            {
                await Console.Error.WriteAsync(NodeConfigurationLoader.FormatErrors([new ConfigurationError(ParameterNames.Ip, unreachable)])).ConfigureAwait(false);
                return 1;
            }
            var identity = NodeStartup.EstablishIdentity(settings, configuration, startupLogger, reachability.PublicAddress);
            startupLogger.LogInformation("MASQ Node local descriptor: {Descriptor}", identity.LoggedDescriptor);
            Console.Out.WriteLine($"MASQ Node local descriptor: {identity.LoggedDescriptor}");
            if (reachability.Status.Summary is { } reachable)
            {
                Console.Out.WriteLine($"Clandestine port {clandestinePort}: {reachable}");
            }

            return await ServeAsync(settings, configuration, identity, reachability.Status, serilog, broadcastSink, crashPoint, privilegedSockets, entryDnsSockets, uiSecret, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            databases.ReleasePooledConnections();
        }
    }

    private static async Task<int> ServeAsync(
        NodeSettings settings,
        IPersistentConfiguration configuration,
        NodeIdentity identity,
        PortMappingStatus portMapping,
        Serilog.ILogger serilog,
        UiLogBroadcastSink broadcastSink,
        CrashPoint crashPoint,
        PrivilegedBrowserSockets privilegedSockets,
        EntryDnsSockets entryDnsSockets,
        byte[] uiSecret,
        CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ListenOnLoopback(settings.UiPort);
        builder.Host.UseDefaultServiceProvider(o =>
        {
            // A service that cannot be built is a start-up error, never a feature that silently stays off.
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        builder.Services.AddSerilog(serilog, dispose: false);
        builder.Services.AddMasqNode(settings, identity, options =>
        {
            options.Configuration = configuration;
            options.UiSecret = uiSecret;
            options.PrivilegedSockets = privilegedSockets;
            options.EntryDnsSockets = entryDnsSockets;
            options.PortMapping = portMapping;
            options.DataPath = DataPathOptions.For(settings).WithEnvironment(Environment.GetEnvironmentVariable);
            options.Accountant = AccountantOptions.FromBenchmarkSwitch(Environment.GetEnvironmentVariable(AccountantOptions.BenchmarkSwitch));
        });

        await using var app = builder.Build();
        app.MapMasqUiHub();
        var failure = app.Services.GetRequiredService<NodeFailure>();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"Configuration error\nui-port - cannot listen on 127.0.0.1:{settings.UiPort}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        broadcastSink.Attach(app.Services.GetRequiredService<IUiOutbound>());
        if (crashPoint == CrashPoint.Error)
        {
            failure.Record("Node", "stopped on --crash-point error");
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        if (failure.Reason is { } reason)
        {
            await Console.Error.WriteLineAsync($"MASQ Node stopped abnormally: {reason}").ConfigureAwait(false);
            return 1;
        }
        return 0;
    }

    /// <summary>
    /// The cookie the Node's UI hub demands: the Daemon's (the file named by <c>MASQ_UI_COOKIE</c>, which the Daemon
    /// sets for the Nodes it launches) or a new one. Either way it is written to this Node's own
    /// <c>ui-&lt;port&gt;.cookie</c>, for the real user, while the Node may still write the root-only cookie directory.
    /// </summary>
    private static byte[]? EstablishUiCookie(int uiPort, RealUser realUser, out string problem)
    {
        byte[] secret;
        var inherited = Environment.GetEnvironmentVariable(UiCookie.EnvironmentVariable);
        if (!string.IsNullOrEmpty(inherited))
        {
            if (!UiCookie.TryRead(inherited, out secret, out var why))
            {
                problem = $"Cannot read the UI cookie named by {UiCookie.EnvironmentVariable}: {why}";
                return null;
            }
        }
        else
        {
            secret = UiCookie.NewSecret();
        }
        var path = UiCookie.OwnPath(uiPort);
        try
        {
            UiCookie.Write(path, secret, realUser.Uid, realUser.Gid);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"Cannot write the UI cookie {path}: {e.Message}";
            return null;
        }
        problem = string.Empty;
        return secret;
    }

    private static bool MayComeFromDatabase(ConfigurationError error, NodeConfigurationResult early) =>
        NodeDatabaseReader.StoredParameters.Any(p => p.Parameter == error.Parameter)
        && !(early.Values.TryGetValue(error.Parameter, out var value) && value.IsGiven);

}
