using Masq.Dashboard.Backend;
using Masq.Dashboard.Components;
using Masq.Dashboard.Session;
using Masq.Dashboard.State;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Masq.Dashboard.Hosting;

/// <summary>All of the dashboard's wiring: options, services, middleware and endpoints.</summary>
public static class DashboardApp
{
    public const string WebRootFolder = "webroot";

    /// <summary>Builds and runs the dashboard; returns the process exit code. Every configuration failure is reported.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (DashboardConfigurationException e)
        {
            ReportFailures(e.Failures);
            return 1;
        }
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            ReportFailures(e.Failures.ToArray());
            return 1;
        }
        catch (IOException e)
        {
            ReportFailures([$"urls - Could not listen: {e.Message}"]);
            return 1;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>Builds the app. <paramref name="preConfigure"/> lets tests replace services (e.g. the backend) first.</summary>
    /// <exception cref="DashboardConfigurationException">An address to listen on is not loopback.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? preConfigure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(DashboardApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        preConfigure?.Invoke(builder);

        var urls = builder.Configuration["urls"] is { Length: > 0 } configured ? configured : DashboardOptions.DefaultUrls;
        var failures = LoopbackUrls.Check(urls).ToList();
        foreach (var endpoint in builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { } url)
            {
                failures.AddRange(LoopbackUrls.Check(url));
            }
        }
        // Check the options here too, so every failure is reported plainly before anything starts.
        var options = new DashboardOptions();
        try
        {
            builder.Configuration.Bind(options);
            if (new DashboardOptionsValidator().Validate(null, options) is { Failed: true } result)
            {
                failures.AddRange(result.Failures);
            }
        }
        catch (InvalidOperationException e)
        {
            failures.Add($"Invalid option: {e.Message}");
        }
        if (failures.Count > 0)
        {
            throw new DashboardConfigurationException(failures);
        }
        builder.WebHost.UseUrls(urls);
        // Framework assets (_framework/blazor.web.js) come from the build's static-web-assets manifest in any
        // environment; after publish they are in the output and this finds no manifest and does nothing.
        builder.WebHost.UseStaticWebAssets();
        // Refuse requests addressed to any other host name (DNS rebinding: a web page must not reach the dashboard).
        if (string.IsNullOrEmpty(builder.Configuration["AllowedHosts"]))
        {
            builder.Configuration["AllowedHosts"] = "localhost;127.0.0.1;[::1]";
        }

        // Request-by-request framework logging is noise for a local tool; appsettings or --Logging:... can raise it.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        AddDashboardServices(builder.Services, builder.Configuration);
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(options => options.DetailedErrors = builder.Environment.IsDevelopment());

        var app = builder.Build();
        app.UseMiddleware<SameOriginMiddleware>();
        app.UseMiddleware<DashboardAccessMiddleware>();
        app.Lifetime.ApplicationStarted.Register(() => AnnounceAccess(app));
        var webRoot = Path.Combine(AppContext.BaseDirectory, WebRootFolder);
        if (Directory.Exists(webRoot))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(webRoot) });
        }
        else
        {
            app.Logger.LogWarning("The dashboard's static files are missing: {WebRoot} does not exist", webRoot);
        }
        app.UseAntiforgery();
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.endpoints.json");
        if (File.Exists(manifest))
        {
            app.MapStaticAssets(manifest);
        }
        else
        {
            app.MapStaticAssets();
        }
        app.MapGet("/health", (NodeStateStore store) => Results.Ok(new HealthReport(store.Daemon.Status.ToString(), store.Node.State.ToString())));
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Writes the access token where its owner can read it, and prints the link that carries it.</summary>
    private static void AnnounceAccess(WebApplication app)
    {
        var access = app.Services.GetRequiredService<DashboardAccess>();
        var options = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardApp));
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var url = new Uri(address.Replace("[::]", "[::1]", StringComparison.Ordinal));
            var path = string.IsNullOrEmpty(options.AccessTokenFile) ? DashboardAccess.DefaultTokenPath(url.Port) : options.AccessTokenFile;
            try
            {
                access.WriteTo(path);
                logger.LogInformation("Open the dashboard at {Link} (its access token is also in {TokenFile}, which only this user can read)", access.LinkFor(url), path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Open the dashboard at {Link}; its access token could not be written to {TokenFile}: {Reason}", access.LinkFor(url), path, e.Message);
            }
        }
    }

    internal static void AddDashboardServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(new DashboardAccess());
        services.AddOptions<DashboardOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new StoreLimits());
        services.TryAddSingleton(sp => new NodeStateStore(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<StoreLimits>(),
            sp.GetRequiredService<IOptions<DashboardOptions>>().Value.DaemonUiPort));
        if (!services.Any(d => d.ServiceType == typeof(IMasqBackend)))
        {
            services.AddSingleton<UiClientBackend>();
            services.AddSingleton<IMasqBackend>(sp => sp.GetRequiredService<UiClientBackend>());
            services.AddHostedService(sp => sp.GetRequiredService<UiClientBackend>());
        }
        services.AddHostedService<NodeWatcher>();
        services.AddScoped<TabSession>();
        services.AddScoped<WizardSession>();
    }

    private static void ReportFailures(IReadOnlyList<string> failures)
    {
        Console.Error.WriteLine("Configuration error");
        foreach (var failure in failures)
        {
            Console.Error.WriteLine(failure);
        }
    }
}
