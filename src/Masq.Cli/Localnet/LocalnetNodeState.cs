namespace Masq.Cli.Localnet;

/// <summary>One Node as <c>localnet.json</c> records it.</summary>
/// <param name="ProcessId">Its process, or null once stopped.</param>
/// <param name="ProcessStartTicks">The process's start time (UTC ticks), so a recycled pid is never mistaken for the Node.</param>
internal sealed record LocalnetNodeState(
    int Index,
    string Ip,
    int ClandestinePort,
    int UiPort,
    int ProxyPort,
    string DataDirectory,
    string LogFile,
    IReadOnlyList<int> Neighbors,
    string? Descriptor,
    int? ProcessId,
    long? ProcessStartTicks,
    string DbPassword,
    string ConsumingPrivateKey)
{
    public string ProxyAddress => LocalnetPlanner.ProxyAddress(ProxyPort);

    public LocalnetNodeSecrets Secrets => new(DbPassword, ConsumingPrivateKey);
}
