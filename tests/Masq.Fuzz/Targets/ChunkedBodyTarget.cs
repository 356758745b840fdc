using Masq.Node.Networking;

namespace Masq.Fuzz.Targets;

/// <summary>The chunked body scanner alone, fed a body as it arrives (consumed bytes dropped between calls).</summary>
internal sealed class ChunkedBodyTarget : FuzzTarget
{
    public override string Name => "chunked-body";

    public override string Description => "ChunkedBodyScanner.Advance over a body arriving in pieces";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        byte[] bytes = input.ToArray();
        var scanner = new ChunkedBodyScanner();
        int start = 0;
        foreach (int arrived in Segments.Arrivals(bytes.Length))
        {
            var buffer = Segments.Split(bytes.AsMemory(start, arrived - start));
            long taken = scanner.Advance(buffer);
            if (taken == -1)
            {
                return;
            }

            FuzzFinding.Check(taken >= 0 && taken <= buffer.Length, $"the scanner took {taken} of {buffer.Length} bytes");
            start += (int)taken;
            if (scanner.IsComplete)
            {
                return;
            }
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("two-chunks", "5\r\nhello\r\n6;name=value\r\n world\r\n0\r\n\r\n"u8.ToArray());
        yield return ("trailers", "a\r\n0123456789\r\n0\r\nExpires: never\r\nX: y\r\n\r\n"u8.ToArray());
        yield return ("hex-upper", "1F\r\n0123456789abcdef0123456789abcde\r\n0\r\n\r\n"u8.ToArray());
        yield return ("last-only", "0\r\n\r\n"u8.ToArray());
    }
}
