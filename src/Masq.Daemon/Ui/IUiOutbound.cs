using Masq.Lib.Ui;

namespace Masq.Daemon.Ui;

/// <summary>Sends envelopes to UI clients of this process's hub.</summary>
public interface IUiOutbound
{
    /// <summary>Sends to one client; a client that has gone is ignored.</summary>
    Task SendAsync(ulong clientId, UiEnvelope message);

    /// <summary>Sends to every client, or every client but <paramref name="exceptClientId"/>.</summary>
    Task BroadcastAsync(UiEnvelope message, ulong? exceptClientId = null);

    /// <summary>Drops every client's connection now, so clients notice a shutdown at once.</summary>
    void DisconnectAll();
}
