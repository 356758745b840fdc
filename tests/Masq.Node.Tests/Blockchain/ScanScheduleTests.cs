using Masq.Daemon.Ui;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Actors;
using Masq.Node.Blockchain;
using Masq.Node.Configuration;
using Masq.Node.Hosting;
using Masq.Node.Persistence;
using Masq.Node.Tests.Persistence;
using Masq.Node.Tests.Wallets;
using Masq.Node.Ui;
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

        _time.Advance(TimeSpan.FromSeconds(60));
        await WaitForAsync(() => bridge.ScansRun == 6);

        // One second short of the next interval, and a second start (a second route), queue nothing. The fake clock
        // fires due timers inside Advance, so whatever they queue is in the mailbox before the stop drains it.
        _time.Advance(TimeSpan.FromSeconds(59));
        services.GetRequiredService<IScanStarter>().StartScans();
        await bridge.StopAsync(CancellationToken.None);
        Assert.Equal(6, bridge.ScansRun);
    }

    [Fact]
    public async Task With_scans_off_nothing_runs_by_itself()
    {
        await using var services = Compose(scansEnabled: false);
        var bridge = services.GetRequiredService<BlockchainBridgeActor>();
        await bridge.StartAsync(CancellationToken.None);

        services.GetRequiredService<IScanStarter>().StartScans();
        // A UI scan queued behind the start shows, once it has run, that the start was handled before time moves.
        await bridge.PostUiAsync(new UiRequest(1, UiEnvelope.From(new UiScanRequest(UiScanType.Receivables), 1)), CancellationToken.None);
        await WaitForAsync(() => bridge.ScansRun == 1);

        _time.Advance(TimeSpan.FromHours(1));
        await bridge.StopAsync(CancellationToken.None);

        Assert.Equal(1, bridge.ScansRun);
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
