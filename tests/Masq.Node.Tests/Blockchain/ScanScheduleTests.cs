using Masq.Daemon.Ui;
using Masq.Lib.Configuration;
using Masq.Node.Actors;
using Masq.Node.Blockchain;
using Masq.Node.Configuration;
using Masq.Node.Hosting;
using Masq.Node.Persistence;
using Masq.Node.Tests.Persistence;
using Masq.Node.Tests.Wallets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Masq.Node.Tests.Blockchain;

/// <summary>The scans start when told (route found), run every interval, and not at all with scans off.</summary>
public sealed class ScanScheduleTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Started_scans_run_at_once_then_every_interval()
    {
        await using var services = Compose(scansEnabled: true);
        var bridge = services.GetRequiredService<BlockchainBridgeActor>();
        await bridge.StartAsync(CancellationToken.None);
        Assert.Equal(0, bridge.ScansRun);

        services.GetRequiredService<IScanStarter>().StartScans();
        await WaitForAsync(() => bridge.ScansRun == 3);

        _time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(200);
        Assert.Equal(3, bridge.ScansRun);

        _time.Advance(TimeSpan.FromSeconds(1));
        await WaitForAsync(() => bridge.ScansRun == 6);

        // Starting again (a second route) changes nothing.
        services.GetRequiredService<IScanStarter>().StartScans();
        await Task.Delay(200);
        Assert.Equal(6, bridge.ScansRun);
        await bridge.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task With_scans_off_nothing_runs_by_itself()
    {
        await using var services = Compose(scansEnabled: false);
        var bridge = services.GetRequiredService<BlockchainBridgeActor>();
        await bridge.StartAsync(CancellationToken.None);

        services.GetRequiredService<IScanStarter>().StartScans();
        _time.Advance(TimeSpan.FromHours(1));
        await Task.Delay(300);

        Assert.Equal(0, bridge.ScansRun);
        await bridge.StopAsync(CancellationToken.None);
    }

    private ServiceProvider Compose(bool scansEnabled)
    {
        var settings = MoneyFixtures.Settings(_directory.Path, scanIntervals: new ScanIntervals(60, 60, 60), scansEnabled: scansEnabled, blockchainServiceUrl: new Uri("http://127.0.0.1:9/"));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTestNode(settings, TestNode.NewIdentity(settings.Chain), new RecordingOutbound());
        services.Override<TimeProvider>(_ => _time);
        return services.BuildServiceProvider();
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
