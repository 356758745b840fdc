using Masq.Lib.Ui.Client;

namespace Masq.Dashboard.Backend;

/// <summary>
/// How long each dashboard call waits for its answer. The waits the Daemon or the Node set are masq's
/// (<see cref="UiCallTimeouts"/>); reads are the dashboard's own, shorter than masq's 5 s because the dashboard is a
/// warm process that polls them and tries again at the next poll.
/// </summary>
internal static class UiTimeouts
{
    public static readonly TimeSpan Setup = UiCallTimeouts.Setup;
    public static readonly TimeSpan Start = UiCallTimeouts.Start;
    public static readonly TimeSpan Shutdown = UiCallTimeouts.Shutdown;
    public static readonly TimeSpan Scan = UiCallTimeouts.Scan;

    /// <summary>Wallet generation runs key derivation and database writes; give it longer than a plain read.</summary>
    public static readonly TimeSpan Wallets = TimeSpan.FromSeconds(10);

    /// <summary>A redirect costs one more connection; reads through it get a little more than a second.</summary>
    public static readonly TimeSpan NodeRead = TimeSpan.FromSeconds(3);
}
