using System.Net;
using Masq.Lib.Configuration;

namespace Masq.Lib.PortMapping;

/// <summary>A TCP port the router forwards to this host, until <see cref="Lifetime"/> runs out.</summary>
/// <param name="PublicAddress">The router's address on the internet, which other Nodes connect to.</param>
public sealed record MappedPort(MappingProtocol Protocol, IPAddress PublicAddress, ushort InternalPort, ushort ExternalPort, TimeSpan Lifetime);
