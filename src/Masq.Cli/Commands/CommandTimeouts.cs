namespace Masq.Cli.Commands;

/// <summary>How long each command waits for its answer.</summary>
internal static class CommandTimeouts
{
    public static readonly TimeSpan Standard = TimeSpan.FromMilliseconds(1000);

    public static readonly TimeSpan Setup = TimeSpan.FromMilliseconds(30000);

    public static readonly TimeSpan Start = TimeSpan.FromMilliseconds(15000);

    public static readonly TimeSpan Shutdown = TimeSpan.FromMilliseconds(60000);

    public static readonly TimeSpan Scan = TimeSpan.FromMilliseconds(10000);
}
