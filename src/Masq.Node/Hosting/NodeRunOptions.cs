namespace Masq.Node.Hosting;

/// <summary>Start-up facts the Node's services need that are not part of the persistent configuration.</summary>
internal sealed record NodeRunOptions(bool CrashOnMessage);
