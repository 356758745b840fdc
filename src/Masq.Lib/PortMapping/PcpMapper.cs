using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Masq.Lib.Configuration;

namespace Masq.Lib.PortMapping;

/// <summary>
/// PCP (RFC 6887) MAP requests for TCP. The nonce of a port's first request is kept: renewing and deleting must
/// repeat it (§11.2), or the router treats them as someone else's.
/// </summary>
public sealed class PcpMapper(PortMappingOptions options) : IPortMapper
{
    private const byte Version = 2;
    private const byte OpMap = 1;
    private const byte ProtocolTcp = 6;
    private const int MapMessageLength = 60;

    private readonly ConcurrentDictionary<ushort, byte[]> _nonces = new();

    public MappingProtocol Protocol => MappingProtocol.Pcp;

    private IPEndPoint Server => new(options.Gateway, options.PcpPmpPort);

    public async Task<MappedPort> AddAsync(ushort port, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var nonce = _nonces.GetOrAdd(port, _ => RandomNumberGenerator.GetBytes(12));
        var answer = await MapAsync(port, port, (uint)lifetime.TotalSeconds, nonce, cancellationToken).ConfigureAwait(false);
        if (answer.Lifetime == 0)
        {
            throw new PortMappingException($"PCP: the router at {options.Gateway} answered with a lease of 0 s: nothing is mapped");
        }
        var granted = TimeSpan.FromSeconds(answer.Lifetime);
        if (granted < options.MinimumLease)
        {
            throw new PortMappingException($"PCP: the router at {options.Gateway} granted a lease of only {answer.Lifetime} s (less than {options.MinimumLease.TotalSeconds:0} s)");
        }
        if (answer.ExternalAddress.Equals(IPAddress.Any))
        {
            throw new PortMappingException($"PCP: the router at {options.Gateway} assigned no external address");
        }
        return new MappedPort(Protocol, answer.ExternalAddress, port, answer.ExternalPort, granted);
    }

    public async Task DeleteAsync(ushort port, CancellationToken cancellationToken)
    {
        if (!_nonces.TryRemove(port, out var nonce))
        {
            return;
        }
        // §15: lifetime 0 deletes; the external port suggested must be 0 with it.
        await MapAsync(port, 0, 0, nonce, cancellationToken).ConfigureAwait(false);
    }

    private Task<MapAnswer> MapAsync(ushort internalPort, ushort suggestedExternal, uint lifetimeSeconds, byte[] nonce, CancellationToken cancellationToken)
    {
        var request = BuildMapRequest(options.LocalAddress, internalPort, suggestedExternal, lifetimeSeconds, nonce);
        // RFC 6887 §8.1.1 starts at 3 s; a Node waits for this at start, so the PCP wait starts at twice NAT-PMP's.
        return UdpTransaction.ExchangeAsync("PCP", Server, request, d => ParseMapAnswer(d, nonce, internalPort),
            options.InitialRetransmission * 2, Math.Max(1, options.Attempts - 1), cancellationToken);
    }

    internal static byte[] BuildMapRequest(IPAddress client, ushort internalPort, ushort suggestedExternal, uint lifetimeSeconds, byte[] nonce)
    {
        var request = new byte[MapMessageLength];
        request[0] = Version;
        request[1] = OpMap;
        BinaryPrimitives.WriteUInt32BigEndian(request.AsSpan(4), lifetimeSeconds);
        WriteAddress(request.AsSpan(8, 16), client);
        nonce.CopyTo(request.AsSpan(24, 12));
        request[36] = ProtocolTcp;
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(40), internalPort);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(42), suggestedExternal);
        // Suggested external address: "any IPv4" is ::ffff:0.0.0.0 (§11.1).
        WriteAddress(request.AsSpan(44, 16), IPAddress.Any);
        return request;
    }

    internal static UdpTransaction.Reading<MapAnswer> ParseMapAnswer(ReadOnlyMemory<byte> datagram, byte[] nonce, ushort internalPort)
    {
        var d = datagram.Span;
        if (d.Length < 4 || d[1] != 0x80 + OpMap)
        {
            return UdpTransaction.Reading<MapAnswer>.Reject($"a {d.Length}-byte datagram that is not a PCP MAP answer");
        }
        if (d[0] != Version)
        {
            // A NAT-PMP-only router answers a PCP request with version 0 and "unsupported version" (§9).
            throw new PortMappingException($"PCP: the router speaks version {d[0]}, not PCP version 2");
        }
        if (d[3] != 0)
        {
            throw new PortMappingException($"PCP: the router refused to map TCP port {internalPort}: result {PcpResultCodes.Describe(d[3])}");
        }
        if (d.Length < MapMessageLength)
        {
            return UdpTransaction.Reading<MapAnswer>.Reject($"a MAP answer of {d.Length} bytes ({MapMessageLength} expected)");
        }
        if (!d.Slice(24, 12).SequenceEqual(nonce) || d[36] != ProtocolTcp || BinaryPrimitives.ReadUInt16BigEndian(d[40..]) != internalPort)
        {
            return UdpTransaction.Reading<MapAnswer>.Reject("a MAP answer for another request (nonce, protocol or port differ)");
        }
        var lifetime = BinaryPrimitives.ReadUInt32BigEndian(d[4..]);
        var external = BinaryPrimitives.ReadUInt16BigEndian(d[42..]);
        var address = new IPAddress(d.Slice(44, 16));
        return UdpTransaction.Reading<MapAnswer>.Accept(new MapAnswer(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address, external, lifetime));
    }

    private static void WriteAddress(Span<byte> target, IPAddress address)
    {
        var v6 = address.AddressFamily == AddressFamily.InterNetwork ? address.MapToIPv6() : address;
        v6.TryWriteBytes(target, out _);
    }

    internal sealed record MapAnswer(IPAddress ExternalAddress, ushort ExternalPort, uint Lifetime);
}
