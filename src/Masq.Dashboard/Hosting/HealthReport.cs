namespace Masq.Dashboard.Hosting;

/// <summary>The body of <c>/health</c>: whether the dashboard reaches the Daemon, and the Node's state.</summary>
internal sealed record HealthReport(string Daemon, string Node);
