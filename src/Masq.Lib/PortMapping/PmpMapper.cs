using System.Buffers.Binary;
using System.Net;
using Masq.Lib.Configuration;

namespace Masq.Lib.PortMapping;

/// <summary>NAT-PMP (RFC 6886): the public address (opcode 0), then a TCP mapping (opcode 2); lifetime 0 deletes.</summary>
public sealed class PmpMapper(PortMappingOptions options) : IPortMapper
{
    private const byte Version = 0;
    private const byte OpPublicAddress = 0;
    private const byte OpMapTcp = 2;

    public MappingProtocol Protocol => MappingProtocol.Pmp;

    private IPEndPoint Server => new(options.Gateway, options.PcpPmpPort);

    public async Task<IPAddress> GetPublicAddressAsync(CancellationToken cancellationToken)
    {
        var answer = await UdpTransaction.ExchangeAsync("NAT-PMP", Server, [Version, OpPublicAddress], ParsePublicAddress,
            options.InitialRetransmission, options.Attempts, cancellationToken).ConfigureAwait(false);
        return answer.Address;
    }

    public async Task<MappedPort> AddAsync(ushort port, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var publicAddress = await GetPublicAddressAsync(cancellationToken).ConfigureAwait(false);
        var mapped = await MapAsync(port, port, (uint)lifetime.TotalSeconds, cancellationToken).ConfigureAwait(false);
        if (mapped.Lifetime == 0)
        {
            throw new PortMappingException($"NAT-PMP: the router at {options.Gateway} answered with a lease of 0 s: nothing is mapped");
        }
        var granted = TimeSpan.FromSeconds(mapped.Lifetime);
        if (granted < options.MinimumLease)
        {
            throw new PortMappingException($"NAT-PMP: the router at {options.Gateway} granted a lease of only {mapped.Lifetime} s (less than {options.MinimumLease.TotalSeconds:0} s)");
        }
        return new MappedPort(Protocol, publicAddress, port, mapped.ExternalPort, granted);
    }

    public async Task DeleteAsync(ushort port, CancellationToken cancellationToken)
    {
        // RFC 6886 §3.4: a request with lifetime 0 and suggested external port 0 removes the mapping.
        await MapAsync(port, 0, 0, cancellationToken).ConfigureAwait(false);
    }

    private Task<MapAnswer> MapAsync(ushort internalPort, ushort suggestedExternal, uint lifetimeSeconds, CancellationToken cancellationToken)
    {
        var request = new byte[12];
        request[0] = Version;
        request[1] = OpMapTcp;
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(4), internalPort);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(6), suggestedExternal);
        BinaryPrimitives.WriteUInt32BigEndian(request.AsSpan(8), lifetimeSeconds);
        return UdpTransaction.ExchangeAsync("NAT-PMP", Server, request, d => ParseMap(d, internalPort),
            options.InitialRetransmission, options.Attempts, cancellationToken);
    }

    internal static UdpTransaction.Reading<PublicAnswer> ParsePublicAddress(ReadOnlyMemory<byte> datagram)
    {
        var d = datagram.Span;
        if (d.Length < 4 || d[0] != Version || d[1] != 128 + OpPublicAddress)
        {
            return UdpTransaction.Reading<PublicAnswer>.Reject($"a {d.Length}-byte datagram that is not a NAT-PMP public-address answer");
        }
        var result = BinaryPrimitives.ReadUInt16BigEndian(d[2..]);
        if (result != 0)
        {
            throw new PortMappingException($"NAT-PMP: the router refused the public-address request: result {PmpResultCodes.Describe(result)}");
        }
        if (d.Length < 12)
        {
            return UdpTransaction.Reading<PublicAnswer>.Reject($"a public-address answer of {d.Length} bytes (12 expected)");
        }
        var address = new IPAddress(d.Slice(8, 4));
        if (address.Equals(IPAddress.Any))
        {
            throw new PortMappingException("NAT-PMP: the router has no public address (0.0.0.0)");
        }
        return UdpTransaction.Reading<PublicAnswer>.Accept(new PublicAnswer(address));
    }

    internal static UdpTransaction.Reading<MapAnswer> ParseMap(ReadOnlyMemory<byte> datagram, ushort internalPort)
    {
        var d = datagram.Span;
        if (d.Length < 4 || d[0] != Version || d[1] != 128 + OpMapTcp)
        {
            return UdpTransaction.Reading<MapAnswer>.Reject($"a {d.Length}-byte datagram that is not a NAT-PMP TCP mapping answer");
        }
        var result = BinaryPrimitives.ReadUInt16BigEndian(d[2..]);
        if (result != 0)
        {
            throw new PortMappingException($"NAT-PMP: the router refused to map TCP port {internalPort}: result {PmpResultCodes.Describe(result)}");
        }
        if (d.Length < 16)
        {
            return UdpTransaction.Reading<MapAnswer>.Reject($"a mapping answer of {d.Length} bytes (16 expected)");
        }
        if (BinaryPrimitives.ReadUInt16BigEndian(d[8..]) != internalPort)
        {
            return UdpTransaction.Reading<MapAnswer>.Reject("a mapping answer for another port");
        }
        return UdpTransaction.Reading<MapAnswer>.Accept(new MapAnswer(BinaryPrimitives.ReadUInt16BigEndian(d[10..]), BinaryPrimitives.ReadUInt32BigEndian(d[12..])));
    }

    internal sealed record PublicAnswer(IPAddress Address);

    internal sealed record MapAnswer(ushort ExternalPort, uint Lifetime);
}
