using System.Net;

namespace Masq.Cli.Localnet;

/// <summary>Where one Node of a localnet lives and whom it debuts to.</summary>
/// <param name="Index">1 for the first Node, then 2, 3, …</param>
/// <param name="Ip">Its own loopback address (<c>--ip</c>).</param>
/// <param name="ClandestinePort">The port other Nodes reach it on, at <paramref name="Ip"/>.</param>
/// <param name="UiPort">Its UI port on 127.0.0.1.</param>
/// <param name="ProxyPort">Its forward-proxy port on 127.0.0.1.</param>
/// <param name="DataDirectory">Its own data directory, <c>DIR/node-K</c>.</param>
/// <param name="Neighbors">The indexes of the earlier Nodes whose descriptors it gets as <c>--neighbors</c>.</param>
internal sealed record LocalnetNodePlan(
    int Index,
    IPAddress Ip,
    int ClandestinePort,
    int UiPort,
    int ProxyPort,
    string DataDirectory,
    IReadOnlyList<int> Neighbors)
{
    public string LogFile => Path.Combine(DataDirectory, LocalnetPlanner.NodeLogFileName);

    public string ProxyAddress => LocalnetPlanner.ProxyAddress(ProxyPort);
}
