using System.Net;
using Masq.IntegrationTests.Infrastructure;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// An extra /32 address on the loopback device (<c>ip addr replace … dev lo</c>, removed again on dispose), so a Node
/// can take a public address, and with it that address's country, while all its traffic stays on this machine. Needs
/// root (CAP_NET_ADMIN), which the test machines and CI have; without it the fixture fails with the reason.
/// </summary>
internal sealed class LoopbackAddress : IAsyncDisposable
{
    private LoopbackAddress(IPAddress address) => Address = address;

    public IPAddress Address { get; }

    public static async Task<LoopbackAddress> AddAsync(IPAddress address)
    {
        // "replace" rather than "add": an address left behind by a killed run is taken over instead of failing.
        var result = await ProcessRunner.RunAsync("ip", ["addr", "replace", $"{address}/32", "dev", "lo"], timeout: TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Could not add {address}/32 to the loopback device (these mesh tests must run as root, as CI does, to give Nodes "
                + $"addresses with a country): ip addr replace gave {result}");
        }

        return new LoopbackAddress(address);
    }

    public async ValueTask DisposeAsync()
    {
        var result = await ProcessRunner.RunAsync("ip", ["addr", "del", $"{Address}/32", "dev", "lo"], timeout: TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not remove {Address}/32 from the loopback device: {result}");
        }
    }
}
