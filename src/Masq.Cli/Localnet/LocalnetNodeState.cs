namespace Masq.Cli.Localnet;

/// <summary>One Node as <c>localnet.json</c> records it.</summary>
/// <param name="ProcessId">Its process, or null once stopped.</param>
/// <param name="ProcessStartTicks">The process's start time (UTC ticks), so a recycled pid is never mistaken for the Node.</param>
/// <param name="ConsumingWallet">The address the Node pays from, as it reported it (null if it could not be asked).</param>
/// <param name="EarningWallet">The address the Node earns into, as it reported it.</param>
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
    string ConsumingPrivateKey,
    string? ConsumingWallet = null,
    string? EarningWallet = null)
{
    public string ProxyAddress => LocalnetPlanner.ProxyAddress(ProxyPort);

    public LocalnetNodeSecrets Secrets => new(DbPassword, ConsumingPrivateKey);
}
