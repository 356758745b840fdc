using System.Diagnostics;
using System.Globalization;

namespace Masq.Benchmarks.DashboardTabs;

/// <summary>One sample of a process: resident set (VmRSS) and the CPU it used since the previous sample.</summary>
internal readonly record struct ProcSample(double ElapsedS, long RssBytes, double CpuPercent);

/// <summary>
/// Samples one process's RSS (<c>/proc/pid/status</c> VmRSS) and CPU% (utime+stime of <c>/proc/pid/stat</c> over wall
/// time; 100 % is one core) every <see cref="Interval"/>.
/// </summary>
internal sealed class ProcSampler
{
    /// <summary>USER_HZ: Linux reports utime/stime in these ticks (100 on every common architecture).</summary>
    private const double TicksPerSecond = 100.0;

    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly int _pid;

    public ProcSampler(int pid) => _pid = pid;

    /// <summary>Samples until <paramref name="until"/> completes (or is cancelled); the first sample is the CPU baseline.</summary>
    public async Task<IReadOnlyList<ProcSample>> SampleAsync(Task until)
    {
        var samples = new List<ProcSample>();
        var clock = Stopwatch.StartNew();
        long lastTicks = CpuTicks();
        double lastS = 0;
        while (!until.IsCompleted)
        {
            await Task.WhenAny(until, Task.Delay(Interval));
            double now = clock.Elapsed.TotalSeconds;
            long ticks = CpuTicks();
            double cpu = now > lastS ? (ticks - lastTicks) / TicksPerSecond / (now - lastS) * 100.0 : 0;
            samples.Add(new ProcSample(now, RssBytes(), cpu));
            lastTicks = ticks;
            lastS = now;
        }

        return samples;
    }

    /// <summary>Samples for <paramref name="duration"/>.</summary>
    public Task<IReadOnlyList<ProcSample>> SampleForAsync(TimeSpan duration) => SampleAsync(Task.Delay(duration));

    public long CpuTicks()
    {
        string stat = File.ReadAllText($"/proc/{_pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state); utime is field 14, stime field 15.
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    public long RssBytes()
    {
        foreach (string line in File.ReadLines($"/proc/{_pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();
}
