using Masq.Node.Proxy.Socks;

namespace Masq.Fuzz.Targets;

/// <summary>The SOCKS5 handshake as the socks-port reads it: the greeting, then the request after it, as bytes arrive.</summary>
internal sealed class Socks5Target : FuzzTarget
{
    public override string Name => "socks5";

    public override string Description => "Socks5Parser.TryReadGreeting then TryReadRequest (incremental)";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        byte[] bytes = input.ToArray();
        int start = 0;
        bool greeted = false;
        foreach (int arrived in Segments.Arrivals(bytes.Length))
        {
            var buffer = Segments.Split(bytes.AsMemory(start, arrived - start));
            if (!greeted)
            {
                var greeting = Socks5Parser.TryReadGreeting(buffer, out int used, out bool noAuthentication);
                FuzzFinding.Check(used >= 0 && used <= buffer.Length, $"the greeting took {used} of {buffer.Length} bytes");
                FuzzFinding.Check(greeting == Socks5ParseStatus.Complete || !noAuthentication, $"status {greeting} offers no authentication");
                if (greeting is Socks5ParseStatus.Incomplete)
                {
                    continue;
                }

                if (greeting is not Socks5ParseStatus.Complete)
                {
                    return;
                }

                greeted = true;
                start += used;
                buffer = buffer.Slice(used);
            }

            var status = Socks5Parser.TryReadRequest(buffer, out var request, out int consumed);
            FuzzFinding.Check(consumed >= 0 && consumed <= buffer.Length, $"the request took {consumed} of {buffer.Length} bytes");
            FuzzFinding.Check((status == Socks5ParseStatus.Complete) == (request is not null), $"status {status} with request {request}");
            if (request is not null)
            {
                FuzzFinding.Check(request.Port is >= 0 and <= 65535 && (request.Port > 0 || request.Command != Socks5Command.Connect) && request.Host.Length is > 0 and <= 255, $"request {request}");
            }

            if (status != Socks5ParseStatus.Incomplete)
            {
                return;
            }
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("curl-domain", [5, 2, 0, 1, 5, 1, 0, 3, 16, .. "files.masq.testx"u8.ToArray(), 0x1f, 0x90]);
        yield return ("ipv4", [5, 1, 0, 5, 1, 0, 1, 192, 0, 2, 7, 0x01, 0xbb]);
        yield return ("ipv6", [5, 1, 0, 5, 1, 0, 4, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 80]);
        yield return ("bind", [5, 1, 0, 5, 2, 0, 1, 0, 0, 0, 0, 0, 0]);
        yield return ("udp-associate", [5, 1, 0, 5, 3, 0, 1, 0, 0, 0, 0, 0, 0]);
        yield return ("unknown-address-type", [5, 1, 0, 5, 1, 0, 9, 1, 2, 3, 4, 0, 80]);
        yield return ("no-methods", [5, 0]);
        yield return ("domain-past-the-data", [5, 1, 0, 5, 1, 0, 3, 200, (byte)'a', (byte)'b']);
        yield return ("socks4", [4, 1, 0, 80, 192, 0, 2, 7, 0]);
    }
}
