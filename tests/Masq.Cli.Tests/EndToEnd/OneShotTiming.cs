using System.Diagnostics;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Xunit.Abstractions;

namespace Masq.Cli.Tests.EndToEnd;

/// <summary>
/// Measures a one-shot <c>masq descriptor</c> round trip (process start to exit) against the test server. Not a timed
/// assertion: it reports the figures, and runs only when <c>MASQ_CLI_TIMING</c> is set.
/// </summary>
public sealed class OneShotTiming(ITestOutputHelper output)
{
    [Fact]
    public async Task Descriptor_round_trip()
    {
        if (Environment.GetEnvironmentVariable("MASQ_CLI_TIMING") is not { Length: > 0 } setting)
        {
            return;
        }
        var executable = setting == "1" ? MasqProcess.ExecutablePath : setting;
        await using var daemon = await FakeUiServer.StartAsync((request, _) => request.Reply(new UiDescriptorResponse("masq://dev:AQID@1.2.3.4:5")));
        var times = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(new ProcessStartInfo(executable, ["--ui-port", daemon.Port.ToString(), "descriptor"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var stdout = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            watch.Stop();
            Assert.Equal((0, "masq://dev:AQID@1.2.3.4:5\n"), (process.ExitCode, stdout));
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds); // the first run warms the disk cache
            }
        }
        times.Sort();
        output.WriteLine($"{executable}: median {(times[4] + times[5]) / 2:0} ms, min {times[0]:0} ms, max {times[^1]:0} ms over {times.Count} runs");
    }
}
