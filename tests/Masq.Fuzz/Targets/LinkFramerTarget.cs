using System.Buffers;
using System.Text;
using Masq.Node.Networking;

namespace Masq.Fuzz.Targets;

/// <summary>
/// The clandestine link framer: cuts masqueraded frames out of a peer's byte stream as the bytes arrive, the way a
/// connection's read loop calls it (the same unmasker across reads, consumed bytes dropped after each frame).
/// </summary>
internal sealed class LinkFramerTarget : FuzzTarget
{
    public override string Name => "link-framer";

    public override string Description => "JsonUnmasker.TryUnmask over a stream arriving in pieces";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        byte[] bytes = input.ToArray();
        IUnmasker unmasker = new JsonMasquerader().CreateUnmasker();
        var output = new ArrayBufferWriter<byte>();
        int start = 0;
        foreach (int arrived in Segments.Arrivals(bytes.Length))
        {
            while (start < arrived)
            {
                var buffer = Segments.Split(bytes.AsMemory(start, arrived - start));
                var status = unmasker.TryUnmask(buffer, output, out long consumed);
                if (status == UnmaskStatus.Malformed)
                {
                    return;
                }

                if (status == UnmaskStatus.Incomplete)
                {
                    FuzzFinding.Check(consumed == 0, "an incomplete frame consumed bytes");
                    break;
                }

                FuzzFinding.Check(consumed > 0 && consumed <= buffer.Length, $"a frame consumed {consumed} of {buffer.Length} bytes");
                start += (int)consumed;
            }
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        var masquerader = new JsonMasquerader();
        byte[] one = Mask(masquerader, [1, 2, 3, 0x7b, 0x7d, 0x22]);
        byte[] empty = Mask(masquerader, []);
        yield return ("one-frame", one);
        yield return ("empty-frame", empty);
        yield return ("two-frames", [.. one, .. Mask(masquerader, new byte[200])]);
        yield return ("body-text-with-quotes", Encoding.UTF8.GetBytes("{\"component\":\"NBHD\",\"bodyText\":\"a \\\"}{ 'x' \\\\\"}\r\n"));
        yield return ("nested", Encoding.UTF8.GetBytes("{\"a\":{\"b\":['}',\"{\"]},\"bodyData\":\"AQID\"}"));
    }

    private static byte[] Mask(JsonMasquerader masquerader, byte[] data)
    {
        var destination = new byte[masquerader.GetMaxMaskedLength(data.Length)];
        int length = masquerader.Mask(data, destination);
        return destination[..length];
    }
}
