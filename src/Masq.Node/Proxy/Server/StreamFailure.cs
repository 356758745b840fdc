using Masq.Node.Protocol;

namespace Masq.Node.Proxy.Server;

/// <summary>Why a stream failed, for sinks that answer in their own terms (SOCKS5 reply codes) instead of the counterfeit.</summary>
/// <param name="Server">What went wrong between the exit and the server, for <see cref="StreamFailureKind.ServerFailed"/>.</param>
internal readonly record struct StreamFailure(StreamFailureKind Kind, ServerFailureKind? Server = null)
{
    public static StreamFailure Of(ServerFailureKind server) => new(StreamFailureKind.ServerFailed, server);
}
