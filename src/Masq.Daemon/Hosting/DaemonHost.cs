using System.Net;
using Masq.Daemon.Launcher;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Daemon.Setup;
using Masq.Daemon.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace Masq.Daemon.Hosting;

/// <summary>Runs the Daemon (<c>MASQNode --initialization</c>) until it is stopped.</summary>
public static class DaemonHost
{
    /// <param name="databaseReaderFactory">Makes the Node's read-only database view (the Daemon never writes the database).</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args, Func<ILoggerFactory, INodeDatabaseReader> databaseReaderFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!DaemonArguments.TryParse(args, out var arguments, out var error))
        {
            await Console.Error.WriteLineAsync($"Configuration error\n{error.Parameter} - {error.Reason}").ConfigureAwait(false);
            return 1;
        }
        if (!FreePorts.IsFree(IPAddress.Loopback, arguments.UiPort))
        {
            await Console.Error.WriteLineAsync(PortTakenMessage(arguments.UiPort)).ConfigureAwait(false);
            return 1;
        }

        // The UI cookie: only the user the Daemon serves (SUDO_UID under sudo, else its own user) and root may read it.
        var environment = HostFacts.CaptureEnvironment();
        var effectiveUid = HostFacts.Capture().ProcessUid;
        var entitledUid = effectiveUid is { } euid ? RootPolicy.EntitledUid(euid, environment) : 0u;
        var allowRoot = arguments.AllowRoot || RootPolicy.IsRootAllowed(environment);
        var secret = UiCookie.NewSecret();
        var cookiePath = UiCookie.OwnPath(arguments.UiPort);
        try
        {
            var owner = effectiveUid is null ? null : UnixAccounts.Lookup(entitledUid);
            UiCookie.Write(cookiePath, secret, entitledUid, owner?.Gid ?? (entitledUid == 0 ? 0u : null));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"Cannot write the UI cookie {cookiePath}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        try
        {
            return await ServeAsync(arguments, databaseReaderFactory, secret, cookiePath, new DaemonAccess(entitledUid, allowRoot), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            UiCookie.DeleteIfOwn(cookiePath, secret);
        }
    }

    private static async Task<int> ServeAsync(DaemonArguments arguments, Func<ILoggerFactory, INodeDatabaseReader> databaseReaderFactory, byte[] secret, string cookiePath, DaemonAccess access, CancellationToken cancellationToken)
    {
        var logDirectory = arguments.DataDirectory ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "MASQ");
        Directory.CreateDirectory(logDirectory);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ListenOnLoopback(arguments.UiPort);
        builder.Services.AddSerilog(new LoggerConfiguration()
            .MinimumLevel.Debug()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .WriteTo.File(Path.Combine(logDirectory, "MASQNode_daemon_r.log"), rollingInterval: RollingInterval.Infinite, fileSizeLimitBytes: 100L * 1024 * 1024, rollOnFileSizeLimit: true, retainedFileCountLimit: 10)
            .WriteTo.Console(restrictedToMinimumLevel: LogEventLevel.Warning, standardErrorFromLevel: LogEventLevel.Verbose)
            .CreateLogger(), dispose: true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => databaseReaderFactory(sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton(sp => SetupSpace.ForDaemonProcess(sp.GetRequiredService<INodeDatabaseReader>()));
        builder.Services.AddSingleton(access);
        builder.Services.AddOptions<NodeLauncherOptions>().Configure(o =>
        {
            o.CookiePath = cookiePath;
            o.CookieSecret = secret;
            o.AllowRoot = access.AllowRoot;
        });
        builder.Services.AddSingleton<INodeLauncher, NodeLauncher>();
        builder.Services.AddSingleton<DaemonService>();
        builder.Services.AddSingleton<IUiMessageHandler>(sp => sp.GetRequiredService<DaemonService>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DaemonService>());
        builder.Services.AddMasqUiHub(secret);

        await using var app = builder.Build();
        app.MapMasqUiHub();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync(PortTakenMessage(arguments.UiPort)).ConfigureAwait(false);
            return 1;
        }
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Masq.Daemon")
            .LogInformation("MASQ Daemon listening on 127.0.0.1:{UiPort}", arguments.UiPort);
        await Console.Out.WriteLineAsync($"MASQ Daemon is listening for UI connections on 127.0.0.1:{arguments.UiPort}; UI cookie {cookiePath}").ConfigureAwait(false);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static string PortTakenMessage(int port) =>
        $"Configuration error\nui-port - There appears to be a process already listening on port {port}; are you sure there's not a Daemon already running?";
}
