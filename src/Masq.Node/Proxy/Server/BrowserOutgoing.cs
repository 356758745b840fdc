using Masq.Node.Proxy.Server;

namespace Masq.Node.Proxy.Server;

/// <summary>One item for a browser connection's writer: data, or the end of the connection.</summary>
/// <param name="Owner">The stream it belongs to; null for what the proxy says itself (a CONNECT's 200, local errors).</param>
/// <param name="Data">Bytes to write (for <see cref="BrowserOutgoingKind.Finish"/>, none).</param>
internal readonly record struct BrowserOutgoing(BrowserOutgoingKind Kind, ProxyStream? Owner, ReadOnlyMemory<byte> Data);
