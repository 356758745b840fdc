namespace Masq.Daemon.Hosting;

/// <summary>
/// Whom the Daemon serves: <paramref name="EntitledUid"/> owns its UI cookie, so every authenticated client is that
/// user or root; <paramref name="AllowRoot"/> (<c>--allow-root</c>, root's own switch) lets it run Nodes as root.
/// </summary>
public sealed record DaemonAccess(uint EntitledUid, bool AllowRoot);
