namespace Masq.Cli.Localnet;

/// <summary>A parsed <c>masq localnet</c> command line.</summary>
/// <param name="Action">up, down or status.</param>
/// <param name="DataDirectory">The localnet's directory (absolute).</param>
/// <param name="Up">The options of <c>up</c>; null for the other actions.</param>
/// <param name="Purge"><c>down --purge</c>: also delete the Nodes' data directories and <c>localnet.json</c>.</param>
internal sealed record LocalnetRequest(LocalnetAction Action, string DataDirectory, LocalnetUpOptions? Up, bool Purge);
