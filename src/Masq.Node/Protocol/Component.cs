namespace Masq.Node.Protocol;

/// <summary>Which part of the reading Node a hop delivers to; a CBOR uint on the wire (data-path.md §3).</summary>
internal enum Component : byte
{
    Neighborhood = 0,
    Hopper = 1,
    ProxyServer = 2,
    ProxyClient = 3,
}
