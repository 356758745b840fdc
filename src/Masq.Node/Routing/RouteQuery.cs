namespace Masq.Node.Routing;

/// <summary>
/// What the ProxyServer asks for when a stream starts (the reference's RouteQueryMessage with target component
/// ProxyClient and return component ProxyServer).
/// </summary>
/// <param name="Hostname">The host the stream goes to, so a route source can avoid exits that failed to resolve it; null when unknown (TLS without SNI).</param>
/// <param name="PayloadSize">The first request's length, for costing the route.</param>
internal sealed record RouteQuery(string? Hostname, int PayloadSize);
