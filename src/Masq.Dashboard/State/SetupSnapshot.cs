using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.State;

/// <summary>The Daemon's setup space as last reported. Secret values arrive censored by the Daemon.</summary>
/// <param name="Version">Increases with every snapshot, so a page can tell it changed under it.</param>
/// <param name="TabId">The tab that made the change when <see cref="Origin"/> is <see cref="SetupOrigin.Tab"/>.</param>
public sealed record SetupSnapshot(UiSetupResponse Response, long Version, SetupOrigin Origin, string? TabId, DateTimeOffset At)
{
    public string? ValueOf(string name) => Response.Values.FirstOrDefault(v => v.Name == name)?.Value;

    public UiSetupResponseValue? Find(string name) => Response.Values.FirstOrDefault(v => v.Name == name);
}
