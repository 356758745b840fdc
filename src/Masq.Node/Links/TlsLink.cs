using System.Net.Security;
using Masq.Node.Crypto;

namespace Masq.Node.Links;

/// <summary>An established TLS 1.3 link and the Node identity its peer proved.</summary>
internal sealed record TlsLink(SslStream Stream, PublicKey Peer) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
