namespace Masq.Cli.Tests.Fakes;

internal static class Eventually
{
    /// <summary>Waits until <paramref name="condition"/> holds; fails the test with <paramref name="what"/> after the timeout.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutMs = 10000)
    {
        var waited = 0;
        while (!condition())
        {
            if (waited >= timeoutMs)
            {
                Assert.Fail($"Timed out waiting for {what}");
            }
            await Task.Delay(10);
            waited += 10;
        }
    }
}
