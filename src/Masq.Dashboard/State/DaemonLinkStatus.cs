namespace Masq.Dashboard.State;

public enum DaemonLinkStatus
{
    /// <summary>Trying to connect (first time, or again after a loss).</summary>
    Connecting,
    Connected,

    /// <summary>Nothing answered; the next attempt is scheduled.</summary>
    Unreachable,

    /// <summary>The connection closed under us; reconnecting.</summary>
    Lost,
}
