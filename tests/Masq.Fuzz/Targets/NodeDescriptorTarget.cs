using System.Net;
using System.Text;
using Masq.Lib.Blockchains;
using Masq.Lib.Neighborhood;

namespace Masq.Fuzz.Targets;

/// <summary>Node descriptors (from the command line, config, UI and other Nodes) and the node addresses inside them.</summary>
internal sealed class NodeDescriptorTarget : FuzzTarget
{
    public override string Name => "node-descriptor";

    public override string Description => "NodeDescriptor.TryParse and NodeAddr.TryParse";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        string text = Encoding.UTF8.GetString(input);
        if (NodeDescriptor.TryParse(text, out var descriptor, out string? error))
        {
            FuzzFinding.Check(NodeDescriptor.TryParse(descriptor.ToString(), out var again, out _) && again.Equals(descriptor), $"'{descriptor}' does not parse back to itself");
        }
        else
        {
            FuzzFinding.Check(!string.IsNullOrEmpty(error), "a rejection without a message");
        }

        int at = text.IndexOf('@', StringComparison.Ordinal);
        _ = NodeAddr.TryParse(at >= 0 ? text[(at + 1)..] : text, out _, out _);
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        var key = Enumerable.Range(0, NodeDescriptor.KeyLength).Select(i => (byte)(i * 5)).ToArray();
        yield return ("dev-v4-two-ports", Utf8(new NodeDescriptor(Chain.Dev, key, new NodeAddr(IPAddress.Parse("1.2.3.4"), [1234, 5678]))));
        yield return ("polygon-no-address", Utf8(new NodeDescriptor(Chain.PolygonMainnet, key, null)));
        yield return ("base-v6", Utf8(new NodeDescriptor(Chain.BaseSepolia, key, new NodeAddr(IPAddress.Parse("2001:db8::7"), [44300]))));
    }

    private static byte[] Utf8(NodeDescriptor descriptor) => Encoding.UTF8.GetBytes(descriptor.ToString());
}
