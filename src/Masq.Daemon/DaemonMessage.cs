using Masq.Daemon.Launcher;
using Masq.Lib.Ui;

namespace Masq.Daemon;

/// <summary>What the Daemon's mailbox carries.</summary>
internal abstract record DaemonMessage
{
    public sealed record FromUi(ulong ClientId, UiEnvelope Envelope) : DaemonMessage;

    public sealed record NodeExited(NodeExit Exit) : DaemonMessage;
}
