using System.Text;
using Masq.Lib.Ui;

namespace Masq.Fuzz.Targets;

/// <summary>UI JSON envelopes as the Node, Daemon and clients receive them over their UI connections.</summary>
internal sealed class UiEnvelopeTarget : FuzzTarget
{
    public override string Name => "ui-envelope";

    public override string Description => "UiEnvelope.Parse";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        var parse = UiEnvelope.Parse(Encoding.UTF8.GetString(input));
        FuzzFinding.Check((parse.Envelope is null) == (parse.Problem is not null), "an envelope and a problem together, or neither");
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("payload", "{\"opcode\":\"setup\",\"contextId\":1234,\"payload\":{\"values\":[{\"name\":\"chain\",\"value\":\"dev\"}]}}"u8.ToArray());
        yield return ("broadcast", "{\"opcode\":\"crash\",\"payload\":{\"actor\":\"Hopper\",\"panicMessage\":\"x\"}}"u8.ToArray());
        yield return ("error", "{\"opcode\":\"financials\",\"contextId\":18446744073709551615,\"error\":{\"code\":9223372036854775808,\"message\":\"nope\"}}"u8.ToArray());
        yield return ("non-critical", "{\"opcode\":\"x\",\"contextId\":null,\"payload\":[1,2.5e3,\"\\u00e9\",true,null]}"u8.ToArray());
        yield return ("nested-deep", Encoding.UTF8.GetBytes("{\"opcode\":\"d\",\"payload\":" + new string('[', 70) + new string(']', 70) + "}"));
    }
}
