namespace Masq.Daemon.Ui;

/// <summary>The UI cookie a hub demands (see <see cref="Masq.Lib.Ui.UiCookie"/>).</summary>
public sealed class UiHubCredential(byte[] secret)
{
    public byte[] Secret { get; } = secret;
}
