using System.Diagnostics;

namespace Masq.Fuzz;

/// <summary>
/// The in-process mode: every corpus input, then a bounded number of seeded mutations, through one target. A finding
/// is any exception escaping the target, an input slower than <see cref="MaxInputTime"/>, or one allocating more than
/// <see cref="MaxInputAllocation"/>.
/// </summary>
internal static class SmokeRunner
{
    public static readonly TimeSpan MaxInputTime = TimeSpan.FromSeconds(5);

    public const long MaxInputAllocation = 64L * 1024 * 1024;

    private const int MaxFindings = 20;

    public static SmokeResult Run(FuzzTarget target, IReadOnlyList<byte[]> corpus, int mutations, int seed)
    {
        if (corpus.Count == 0)
        {
            throw new ArgumentException($"target {target.Name} has an empty corpus", nameof(corpus));
        }

        var findings = new List<SmokeFinding>();
        var mutator = new Mutator(seed);
        var total = Stopwatch.StartNew();
        TimeSpan slowest = TimeSpan.Zero;
        int executions = 0;
        for (int i = 0; i < corpus.Count + mutations && findings.Count < MaxFindings; i++)
        {
            byte[] input = i < corpus.Count ? corpus[i] : mutator.Next(corpus);
            var problem = ExecuteOne(target, input, out var elapsed);
            executions++;
            if (i < corpus.Count && problem is not null && problem.StartsWith("took ", StringComparison.Ordinal))
            {
                // The corpus pass also warms up (JIT, first crypto use): its time is not a finding.
                problem = null;
            }

            slowest = elapsed > slowest ? elapsed : slowest;
            if (problem is not null)
            {
                findings.Add(new SmokeFinding(target.Name, input, problem));
            }
        }

        return new SmokeResult(target.Name, corpus.Count, executions, findings, total.Elapsed, slowest);
    }

    /// <returns>Null when the target behaved; else what went wrong.</returns>
    public static string? ExecuteOne(FuzzTarget target, byte[] input, out TimeSpan elapsed)
    {
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        try
        {
            target.Execute(input);
        }
        catch (Exception e)
        {
            elapsed = watch.Elapsed;
            return $"{e.GetType().FullName}: {e.Message}\n{e.StackTrace}";
        }

        elapsed = watch.Elapsed;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (allocated > MaxInputAllocation)
        {
            return $"allocated {allocated} bytes";
        }

        return elapsed > MaxInputTime ? $"took {elapsed.TotalMilliseconds:F0} ms" : null;
    }
}
