namespace Masq.Cli;

/// <summary>Process exit codes of <c>masq</c>: 0 on success, 1 for every kind of failure (as the reference CLI).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    public const int Failure = 1;
}
