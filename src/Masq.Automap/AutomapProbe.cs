using System.Diagnostics;
using System.Globalization;
using Masq.Lib.Configuration;
using Masq.Lib.PortMapping;
using Microsoft.Extensions.Logging;

namespace Masq.Automap;

/// <summary>Probes the router with each protocol: add, renew, public IP, delete, each timed.</summary>
internal static class AutomapProbe
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var options = AutomapOptions.Parse(args, out var error);
        if (options is null)
        {
            await output.WriteLineAsync(error is null ? AutomapOptions.Usage : $"automap: {error}\n\n{AutomapOptions.Usage}").ConfigureAwait(false);
            return error is null ? 0 : 2;
        }
        PortMappingOptions? mapping;
        string problem;
        if (options.Gateway is { } gateway)
        {
            mapping = GatewayFinder.LocalAddressTowards(gateway) is { } local ? new PortMappingOptions { Gateway = gateway, LocalAddress = local } : null;
            problem = $"no local address routes to {gateway}";
        }
        else
        {
            mapping = PortMappingOptions.ForDefaultGateway(out problem);
        }
        if (mapping is null)
        {
            await output.WriteLineAsync($"automap: {problem}").ConfigureAwait(false);
            return 1;
        }
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        var logger = loggerFactory.CreateLogger("automap");
        await output.WriteLineAsync($"Router {mapping.Gateway}, this host {mapping.LocalAddress}, TCP port {options.Port}").ConfigureAwait(false);
        var worked = new List<string>();
        foreach (var protocol in options.Protocols)
        {
            if (await ProbeAsync(PortMappers.Create(protocol, mapping, logger), options.Port, output, cancellationToken).ConfigureAwait(false))
            {
                worked.Add(protocol.DisplayName());
            }
        }
        await output.WriteLineAsync(worked.Count > 0
            ? $"Summary: {string.Join(", ", worked)} worked; a MASQ Node behind this router needs no manual port forwarding."
            : $"Summary: no protocol worked; forward TCP port {options.Port} (your Node's clandestine port) by hand.").ConfigureAwait(false);
        return worked.Count > 0 ? 0 : 1;
    }

    private static async Task<bool> ProbeAsync(IPortMapper mapper, ushort port, TextWriter output, CancellationToken cancellationToken)
    {
        var name = mapper.Protocol.DisplayName();
        using var _ = mapper as IDisposable;
        var clock = Stopwatch.StartNew();
        MappedPort added;
        try
        {
            added = await mapper.AddAsync(port, Lease, cancellationToken).ConfigureAwait(false);
        }
        catch (PortMappingException e)
        {
            await output.WriteLineAsync($"{name}: add failed after {Ms(clock)}: {e.Message}").ConfigureAwait(false);
            return false;
        }
        await output.WriteLineAsync($"{name}: add succeeded in {Ms(clock)}: public {added.PublicAddress}:{added.ExternalPort} -> port {added.InternalPort}, lease {Lifetime(added.Lifetime)}").ConfigureAwait(false);
        await output.WriteLineAsync($"{name}: public IP {added.PublicAddress}").ConfigureAwait(false);
        var ok = true;
        clock.Restart();
        try
        {
            var renewed = await mapper.AddAsync(port, Lease, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"{name}: renew succeeded in {Ms(clock)}: lease {Lifetime(renewed.Lifetime)}, public IP {renewed.PublicAddress}").ConfigureAwait(false);
        }
        catch (PortMappingException e)
        {
            ok = false;
            await output.WriteLineAsync($"{name}: renew failed after {Ms(clock)}: {e.Message}").ConfigureAwait(false);
        }
        clock.Restart();
        try
        {
            await mapper.DeleteAsync(port, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"{name}: delete succeeded in {Ms(clock)}").ConfigureAwait(false);
        }
        catch (PortMappingException e)
        {
            ok = false;
            await output.WriteLineAsync($"{name}: delete failed after {Ms(clock)}: {e.Message}").ConfigureAwait(false);
        }
        return ok;
    }

    private static string Ms(Stopwatch clock) => string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalMilliseconds:0.0} ms");

    private static string Lifetime(TimeSpan lifetime) =>
        lifetime == Timeout.InfiniteTimeSpan ? "permanent" : string.Create(CultureInfo.InvariantCulture, $"{lifetime.TotalSeconds:0} s");
}
