using Bunit;
using Masq.Dashboard.Backend;
using Masq.Dashboard.Session;
using Masq.Dashboard.State;
using Masq.Lib.Configuration;
using Masq.Lib.Ui.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Masq.Dashboard.Tests.Fakes;

/// <summary>A bUnit context with the dashboard's services: a real store on a fake clock and the fake backend.</summary>
public abstract class DashboardTestContext : BunitContext
{
    protected DashboardTestContext()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        Store = new NodeStateStore(Clock, new StoreLimits(), 5333);
        Backend = new FakeMasqBackend(Store);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(Store);
        Services.AddSingleton<IMasqBackend>(Backend);
        Services.AddScoped<TabSession>();
        Services.AddScoped<WizardSession>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    internal FakeTimeProvider Clock { get; }

    internal NodeStateStore Store { get; }

    internal FakeMasqBackend Backend { get; }

    /// <summary>Lets the render throttle fire.</summary>
    internal void Tick() => Clock.Advance(TimeSpan.FromSeconds(1));

    internal void ConnectDaemon() => Store.SetDaemon(DaemonLinkStatus.Connected);

    internal void RunNode(uint pid = 4321)
    {
        ConnectDaemon();
        Store.NodeStarted(new UiStartResponse(pid, 32768));
    }

    internal static UiSetupResponse SetupWith(bool running, params (string Name, string Value, SetupStatus Status)[] values) =>
        new(running, values.Select(v => new UiSetupResponseValue(v.Name, v.Value, v.Status)).ToArray(), []);
}
