using Masq.Node.Protocol;
using Masq.Node.Proxy.Server;

namespace Masq.Node.Proxy.Socks;

/// <summary>
/// The SOCKS5 reply for each failure the HTTP side answers with a page or a TLS alert (the README's table). The mesh is
/// the "network", so having no way into it is <see cref="Socks5ReplyCode.NetworkUnreachable"/>; the Node's own rules
/// (no consuming wallet, loopback targets) are <see cref="Socks5ReplyCode.NotAllowedByRuleset"/>; timeouts are
/// <see cref="Socks5ReplyCode.TtlExpired"/>, as Tor answers a stream that timed out.
/// </summary>
internal static class Socks5FailureCodes
{
    public static Socks5ReplyCode For(StreamFailure failure) => failure.Kind switch
    {
        StreamFailureKind.ConsumingWalletMissing => Socks5ReplyCode.NotAllowedByRuleset,
        StreamFailureKind.NoRoute or StreamFailureKind.RouteFailed => Socks5ReplyCode.NetworkUnreachable,
        StreamFailureKind.DnsFailed => Socks5ReplyCode.HostUnreachable,
        StreamFailureKind.ConnectUnanswered => Socks5ReplyCode.TtlExpired,
        StreamFailureKind.ServerFailed => failure.Server switch
        {
            ServerFailureKind.ConnectionRefused => Socks5ReplyCode.ConnectionRefused,
            ServerFailureKind.HostUnreachable => Socks5ReplyCode.HostUnreachable,
            ServerFailureKind.ConnectTimedOut => Socks5ReplyCode.TtlExpired,
            ServerFailureKind.TargetRefusedByExit => Socks5ReplyCode.NotAllowedByRuleset,
            _ => Socks5ReplyCode.GeneralFailure,
        },
        _ => Socks5ReplyCode.GeneralFailure,
    };
}
