using Masq.Lib.Configuration;

namespace Masq.Lib.PortMapping;

/// <summary>One router protocol. Every failure is a <see cref="PortMappingException"/> whose message says what the router did.</summary>
public interface IPortMapper
{
    MappingProtocol Protocol { get; }

    /// <summary>Maps (or renews) <paramref name="port"/> on the router to the same port here, and learns the public address.</summary>
    Task<MappedPort> AddAsync(ushort port, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>Removes the mapping of <paramref name="port"/>.</summary>
    Task DeleteAsync(ushort port, CancellationToken cancellationToken);
}
