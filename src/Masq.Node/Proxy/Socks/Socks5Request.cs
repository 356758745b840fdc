namespace Masq.Node.Proxy.Socks;

/// <summary>
/// A SOCKS5 request (RFC 1928 §4). <paramref name="Host"/> is a domain name as the client sent it (the exit resolves
/// it), or an IPv4 or IPv6 address in text without brackets. <paramref name="Command"/> may be a value the enum does
/// not name: any command but CONNECT is refused.
/// </summary>
internal sealed record Socks5Request(Socks5Command Command, string Host, int Port);
