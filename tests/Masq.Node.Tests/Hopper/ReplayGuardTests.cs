using Masq.Node.Hopper;

namespace Masq.Node.Tests.Hopper;

public sealed class ReplayGuardTests
{
    [Fact]
    public void A_package_seen_before_is_a_replay_and_memory_is_bounded_by_generations()
    {
        var guard = new ReplayGuard(generationSize: 4);
        byte[][] packages = [.. Enumerable.Range(0, 10).Select(i => Enumerable.Range(0, 200).Select(b => (byte)(b * i)).ToArray())];
        Assert.False(guard.IsReplay(packages[0]));
        Assert.True(guard.IsReplay(packages[0]));
        Assert.False(guard.IsReplay(packages[0].AsSpan(0, 100)));
        for (int i = 1; i < 10; i++)
        {
            Assert.False(guard.IsReplay(packages[i]));
        }

        // Old enough to have been forgotten with its generation; the recent ones are still known.
        Assert.False(guard.IsReplay(packages[0]));
        Assert.True(guard.IsReplay(packages[9]));
    }
}
