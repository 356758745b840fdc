using Masq.Lib.Ui.Client;

namespace Masq.Cli.Commands;

/// <summary>How long each command waits for its answer.</summary>
internal static class CommandTimeouts
{
    // The reference waits 1 s; a cold masq process on a busy machine can need more for its first answer.
    public static readonly TimeSpan Standard = TimeSpan.FromMilliseconds(5000);

    public static readonly TimeSpan Setup = UiCallTimeouts.Setup;

    public static readonly TimeSpan Start = UiCallTimeouts.Start;

    public static readonly TimeSpan Shutdown = UiCallTimeouts.Shutdown;

    public static readonly TimeSpan Scan = UiCallTimeouts.Scan;
}
