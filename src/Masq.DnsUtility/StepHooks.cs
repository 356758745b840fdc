namespace Masq.DnsUtility;

/// <summary>
/// Named points between the steps of subvert and revert. Only the crash tests' build (STEP_HOOKS) can pause there,
/// when MASQ_DNS_UTILITY_PAUSE_AT names the step, so the test kills the process at exactly that point.
/// </summary>
internal static class StepHooks
{
#if STEP_HOOKS
    public static void Reached(string step)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("MASQ_DNS_UTILITY_PAUSE_AT"), step, StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"paused at {step}");
            Console.Error.Flush();
            Thread.Sleep(Timeout.Infinite);
        }
    }
#else
    [System.Diagnostics.Conditional("STEP_HOOKS")]
    public static void Reached(string step)
    {
    }
#endif
}
