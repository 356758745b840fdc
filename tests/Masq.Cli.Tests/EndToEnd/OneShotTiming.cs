using System.Diagnostics;
using System.Globalization;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Xunit.Abstractions;

namespace Masq.Cli.Tests.EndToEnd;

/// <summary>
/// Measures a one-shot <c>masq descriptor</c> round trip (process start to exit) against the test server. Not a timed
/// assertion: it reports the figures, and runs only when <c>MASQ_CLI_TIMING</c> is set (to 1, or to the path of the
/// masq executable to measure). With <c>/usr/bin/time</c> present it also reports the CPU time, which load on a
/// shared machine disturbs less than the wall-clock time.
/// </summary>
public sealed class OneShotTiming(ITestOutputHelper output)
{
    private const string GnuTime = "/usr/bin/time";

    [Fact]
    public async Task Descriptor_round_trip()
    {
        if (Environment.GetEnvironmentVariable("MASQ_CLI_TIMING") is not { Length: > 0 } setting)
        {
            return;
        }
        var executable = setting == "1" ? MasqProcess.ExecutablePath : setting;
        await using var daemon = await FakeUiServer.StartAsync((request, _) => request.Reply(new UiDescriptorResponse("masq://dev:AQID@1.2.3.4:5")));
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            string[] masqArgs = [executable, "--ui-port", daemon.Port.ToString(CultureInfo.InvariantCulture), "descriptor"];
            var start = File.Exists(GnuTime)
                ? new ProcessStartInfo(GnuTime, ["-f", "CPU %U %S", .. masqArgs])
                : new ProcessStartInfo(executable, masqArgs[1..]);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.UseShellExecute = false;
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            watch.Stop();
            Assert.True(process.ExitCode == 0 && stdout == "masq://dev:AQID@1.2.3.4:5\n", $"exit {process.ExitCode}: {stdout} {await stderr}");
            if (i == 0)
            {
                continue; // the first run warms the disk cache
            }
            wall.Add(watch.Elapsed.TotalMilliseconds);
            if ((await stderr).Split(' ', '\n') is ["CPU", var user, var system, ..])
            {
                cpu.Add((double.Parse(user, CultureInfo.InvariantCulture) + double.Parse(system, CultureInfo.InvariantCulture)) * 1000);
            }
        }
        output.WriteLine($"{executable}: wall median {Median(wall):0} ms (min {wall.Min():0}, max {wall.Max():0}) over {wall.Count} runs"
            + (cpu.Count > 0 ? $"; CPU median {Median(cpu):0} ms" : string.Empty));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
