using Masq.Node.Actors;
using Microsoft.Extensions.DependencyInjection;

namespace Masq.Node.Tests.Actors;

public sealed class BlockingWorkThreadTests
{
    [Fact]
    public void Disposing_twice_is_harmless_as_the_container_does_for_a_singleton_registered_under_several_types()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Owner>();
        services.AddSingleton<IDisposable>(sp => sp.GetRequiredService<Owner>());
        var provider = services.BuildServiceProvider();
        var owner = provider.GetRequiredService<Owner>();
        _ = provider.GetServices<IDisposable>().ToList();

        provider.Dispose();

        Assert.True(owner.Disposals >= 2, $"the container disposed the owner {owner.Disposals} time(s)");
    }

    [Fact]
    public async Task Work_queued_before_Dispose_finishes_and_work_after_it_still_runs()
    {
        var thread = new BlockingWorkThread("test writes");
        var ran = new List<int>();
        var gate = new ManualResetEventSlim();
        var first = thread.RunAsync(() => { gate.Wait(TimeSpan.FromSeconds(30)); lock (ran) { ran.Add(1); } });
        var second = thread.RunAsync(() => { lock (ran) { ran.Add(2); } });
        gate.Set();

        thread.Dispose();
        thread.Dispose();
        await thread.RunAsync(() => { lock (ran) { ran.Add(3); } });

        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([1, 2, 3], ran);
    }

    private sealed class Owner : IDisposable
    {
        private readonly BlockingWorkThread _thread = new("owner writes");

        public int Disposals { get; private set; }

        public void Dispose()
        {
            Disposals++;
            _thread.Dispose();
        }
    }
}
