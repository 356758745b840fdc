using System.Diagnostics;
using System.Net;
using Masq.Lib.Configuration;
using Masq.Lib.PortMapping;
using Masq.Node.Persistence;
using Microsoft.Extensions.Logging;

namespace Masq.Node.PortMapping;

/// <summary>
/// Before the Node settles its descriptor: a standard-mode Node given no <c>--ip</c> asks its router to forward the
/// clandestine port, and advertises the router's public address. The protocol that worked is stored
/// (<c>mapping-protocol</c>) and tried first next time; a given <c>mapping-protocol</c> is tried first.
/// </summary>
internal static class PortMappingStartup
{
    /// <summary>The lease asked for: the reference's ten minutes, renewed at half-time.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>What the start-up found: the status to serve, and the address to advertise or why there is none.</summary>
    public sealed record Outcome(PortMappingStatus Status, IPAddress? PublicAddress, string? SetupError);

    public static async Task<Outcome> EstablishAsync(NodeSettings settings, IPersistentConfiguration configuration, ushort port, ILogger logger, CancellationToken cancellationToken, string routeTable = GatewayFinder.ProcRoute)
    {
        if (settings.NeighborhoodMode != NeighborhoodMode.Standard)
        {
            return new Outcome(new PortMappingStatus(null), null, null);
        }
        if (settings.Ip is { } given)
        {
            var line = $"using the given --ip {given}: port {port} must reach this machine (forward it by hand if a router is in the way)";
            logger.LogInformation("Port mapping: {Line}", line);
            return new Outcome(new PortMappingStatus(line), null, null);
        }
        if (PortMappingOptions.ForDefaultGateway(out var problem, routeTable) is not { } options)
        {
            return Failed($"no router to ask ({problem})");
        }

        var preferred = ValueFormats.TryParseMappingProtocol(configuration.GetMappingProtocol(), out var stored, out _) ? stored : (MappingProtocol?)null;
        var failures = new List<string>();
        foreach (var protocol in PortMappers.Order(preferred))
        {
            var mapper = PortMappers.Create(protocol, options, logger);
            var clock = Stopwatch.StartNew();
            logger.LogInformation("Port mapping: asking the router {Gateway} to forward TCP port {Port} by {Protocol}", options.Gateway, port, protocol.DisplayName());
            try
            {
                var mapping = await mapper.AddAsync(port, Lease, cancellationToken).ConfigureAwait(false);
                if (mapping.ExternalPort != port)
                {
                    await DeleteQuietlyAsync(mapper, port, cancellationToken).ConfigureAwait(false);
                    throw new PortMappingException($"{protocol.DisplayName()}: the router offered public port {mapping.ExternalPort}, not {port}");
                }
                var line = PortMappingStatus.Mapped(mapping, options.Gateway);
                logger.LogInformation("Port mapping: {Line}, in {Milliseconds} ms", line, clock.ElapsedMilliseconds);
                if (preferred != protocol)
                {
                    configuration.SetMappingProtocol(protocol.ToText());
                }
                return new Outcome(new PortMappingStatus(line, mapper, mapping, options.Gateway), mapping.PublicAddress, null);
            }
            catch (PortMappingException e)
            {
                logger.LogWarning("Port mapping: {Reason}", e.Message);
                failures.Add(e.Message);
                (mapper as IDisposable)?.Dispose();
            }
        }
        return Failed($"no router answered ({string.Join("; ", failures)})");

        Outcome Failed(string why)
        {
            var line = $"{why}: forward port {port} by hand and give --ip with this machine's public address";
            logger.LogError("Port mapping: {Line}", line);
            return new Outcome(new PortMappingStatus(line), null,
                $"a standard-mode Node needs an address to advertise, and {line}; or choose --neighborhood-mode originate-only or consume-only, which need none");
        }
    }

    private static async Task DeleteQuietlyAsync(IPortMapper mapper, ushort port, CancellationToken cancellationToken)
    {
        try
        {
            await mapper.DeleteAsync(port, cancellationToken).ConfigureAwait(false);
        }
        catch (PortMappingException)
        {
            // The mapping was never usable; the router drops it when its lease ends.
        }
    }
}
