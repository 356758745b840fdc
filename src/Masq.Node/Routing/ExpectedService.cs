namespace Masq.Node.Routing;

/// <summary>
/// What one Node on a route does for the originator and what it charges (the reference's ExpectedService):
/// <see cref="ExpectedNothing"/> for the originator itself, <see cref="ExpectedRouting"/> for a relay,
/// <see cref="ExpectedExit"/> for the exit. The ProxyServer turns these into ServicesConsumed reports.
/// </summary>
internal abstract record ExpectedService;
