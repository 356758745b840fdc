namespace Masq.Benchmarks.Mesh;

/// <param name="KeyPair">The Node's exported main key pair, hex (benchmark keys only).</param>
/// <param name="ZeroHop">Zero-hop mode; otherwise standard.</param>
internal sealed record MeshNodeConfig(string Ip, int ClandestinePort, int ProxyPort, string KeyPair, string EarningWallet, bool ZeroHop, int MaxChunkLength, int MaxRoutedChunkLength);
