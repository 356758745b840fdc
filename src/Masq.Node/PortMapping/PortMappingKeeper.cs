using System.Net;
using Masq.Lib.PortMapping;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Masq.Node.PortMapping;

/// <summary>
/// Keeps the router's mapping alive while the Node runs: renews it at half its lease (and at least every
/// <see cref="PollInterval"/>, which is how a new public address is noticed), and deletes it when the Node stops.
/// A failed renewal is retried after <see cref="RetryInterval"/>; the Node keeps running either way.
/// </summary>
internal sealed class PortMappingKeeper(PortMappingStatus status, TimeProvider time, ILogger<PortMappingKeeper> logger) : BackgroundService
{
    /// <summary>Environment override of <see cref="PollInterval"/> in seconds, for networks whose public address changes often.</summary>
    public const string PollVariable = "MASQ_MAPPING_POLL_SECONDS";

    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan DeleteTimeout = TimeSpan.FromSeconds(3);

    public TimeSpan PollInterval { get; init; } = PollFromEnvironment() ?? TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (status.Mapper is not { } mapper || status.Mapping is not { } first)
        {
            return;
        }
        var port = first.InternalPort;
        var wait = NextWait(first);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                var renewed = await mapper.AddAsync(port, PortMappingStartup.Lease, stoppingToken).ConfigureAwait(false);
                var previous = status.Mapping;
                if (previous is not null && !renewed.PublicAddress.Equals(previous.PublicAddress))
                {
                    logger.LogWarning("Port mapping: the router's public IP changed from {Old} to {New}; advertising the new one", previous.PublicAddress, renewed.PublicAddress);
                }
                else if (failing)
                {
                    logger.LogInformation("Port mapping: renewed again by {Protocol}", mapper.Protocol.DisplayName());
                }
                failing = false;
                status.Update(PortMappingStatus.Mapped(renewed, status.Gateway!), renewed);
                wait = NextWait(renewed);
            }
            catch (PortMappingException e)
            {
                if (!failing)
                {
                    // One line per outage, not one per retry.
                    logger.LogWarning("Port mapping: renewing port {Port} failed: {Reason}; retrying every {Seconds} s", port, e.Message, RetryInterval.TotalSeconds);
                }
                failing = true;
                status.Update($"renewing port {port} by {mapper.Protocol.DisplayName()} failed ({e.Message}); retrying", null);
                wait = RetryInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (status.Mapper is not { } mapper || status.Mapping is not { } mapping)
        {
            return;
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(DeleteTimeout);
        try
        {
            await mapper.DeleteAsync(mapping.InternalPort, deadline.Token).ConfigureAwait(false);
            logger.LogInformation("Port mapping: port {Port} no longer mapped on the router ({Protocol})", mapping.InternalPort, mapper.Protocol.DisplayName());
        }
        catch (Exception e) when (e is PortMappingException or OperationCanceledException)
        {
            logger.LogWarning("Port mapping: could not delete the mapping of port {Port} ({Reason}); the router drops it when its lease ends", mapping.InternalPort, e.Message);
        }
        finally
        {
            (mapper as IDisposable)?.Dispose();
        }
    }

    private TimeSpan NextWait(MappedPort mapping) =>
        mapping.Lifetime == Timeout.InfiniteTimeSpan || mapping.Lifetime / 2 > PollInterval ? PollInterval : mapping.Lifetime / 2;

    private static TimeSpan? PollFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(PollVariable), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
