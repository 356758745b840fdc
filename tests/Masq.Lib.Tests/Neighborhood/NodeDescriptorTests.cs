using System.Net;
using Masq.Lib.Blockchains;
using Masq.Lib.Neighborhood;
using Masq.Lib.Tests.TestSupport;

namespace Masq.Lib.Tests.Neighborhood;

public sealed class NodeDescriptorTests
{
    private const string Example = "masq://base-sepolia:OHsC2CAm4rmfCkaFfiynwxflUgVTJRb2oY5mWxNCQkY@150.60.42.72:6642/4789/5254";

    [Fact]
    public void The_spec_example_parses_and_round_trips_with_sorted_ports()
    {
        Assert.True(NodeDescriptor.TryParse(Example, out var descriptor, out var error));
        Assert.Null(error);
        Assert.Same(Chain.BaseSepolia, descriptor.Chain);
        Assert.Equal(32, descriptor.PublicKey.Length);
        Assert.Equal(new NodeAddr(IPAddress.Parse("150.60.42.72"), [4789, 5254, 6642]), descriptor.NodeAddr);
        Assert.Equal("masq://base-sepolia:OHsC2CAm4rmfCkaFfiynwxflUgVTJRb2oY5mWxNCQkY@150.60.42.72:4789/5254/6642", descriptor.ToString());
    }

    [Fact]
    public void An_at_colon_means_no_address()
    {
        var text = Descriptors.Text("base-mainnet", 1, ":");
        Assert.True(NodeDescriptor.TryParse(text, out var descriptor, out _));
        Assert.Null(descriptor.NodeAddr);
        Assert.Equal(text, descriptor.ToString());
    }

    [Fact]
    public void The_first_contact_key_is_the_32_bytes_then_32_zeros()
    {
        var descriptor = new NodeDescriptor(Chain.Dev, Descriptors.Key(7), null);
        var key = descriptor.ToFirstContactKey();
        Assert.Equal(64, key.Length);
        Assert.Equal(Descriptors.Key(7), key[..32]);
        Assert.All(key[32..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_full_64_byte_key_is_cut_to_its_encryption_half()
    {
        var full = Descriptors.Key(3).Concat(Enumerable.Repeat((byte)0xFF, 32)).ToArray();
        var descriptor = new NodeDescriptor(Chain.BaseMainnet, full, null);
        Assert.Equal(Descriptors.Key(3), descriptor.PublicKey.ToArray());
        Assert.Equal(43, NodeDescriptor.EncodeKey(full).Length);
    }

    [Fact]
    public void Equality_covers_chain_key_and_address()
    {
        var a = Parse(Descriptors.Text("base-mainnet", 1, "1.2.3.4:1234"));
        Assert.Equal(a, Parse(Descriptors.Text("base-mainnet", 1, "1.2.3.4:1234")));
        Assert.NotEqual(a, Parse(Descriptors.Text("base-sepolia", 1, "1.2.3.4:1234")));
        Assert.NotEqual(a, Parse(Descriptors.Text("base-mainnet", 2, "1.2.3.4:1234")));
        Assert.NotEqual(a, Parse(Descriptors.Text("base-mainnet", 1, "1.2.3.4:1235")));
        Assert.NotEqual(a, Parse(Descriptors.Text("base-mainnet", 1, ":")));
    }

    public static TheoryData<string, string> Failures()
    {
        var key = Descriptors.KeyText(1);
        return new TheoryData<string, string>
        {
            { $"http://base-mainnet:{key}@1.2.3.4:1234", "must start with 'masq://'" },
            { $"base-mainnet:{key}@1.2.3.4:1234", "must start with 'masq://'" },
            { $"masq://base-mainnet:{key}1.2.3.4:1234", "has no '@' between the public key and the node address" },
            { "masq://:@1.2.3.4:1234", "has no chain and public key before '@'" },
            { $"masq://base-mainnet:{key}@example.com:1234", "has a malformed node address 'example.com:1234'" },
            { $"masq://base-mainnet:{key}@1.2.3.4 :1234", "has a malformed node address '1.2.3.4 :1234'" },
            { $"masq://base-mainnet{key}@1.2.3.4:1234", "has no ':' between the chain and the public key" },
            { $"masq://base-mainet:{key}@1.2.3.4:1234", "Chain 'base-mainet' is not valid; possible values are: polygon-mainnet, eth-mainnet, base-mainnet, base-sepolia, polygon-amoy, eth-ropsten" },
            { "masq://base-mainnet:abc+def/ghi@1.2.3.4:1234", "Invalid Base64 value for public key: 'abc+def/ghi'" },
            { $"masq://base-mainnet:{key}=@1.2.3.4:1234", "Invalid Base64 value for public key" },
            { "masq://base-mainnet:AAAA@1.2.3.4:1234", "must be 32 bytes (43 Base64 characters), not 3" },
            { $"masq://base-mainnet:{key[..42]}B@1.2.3.4:1234", "Invalid Base64 value for public key" },
            { $"masq://base-mainnet:{key}@1.2.3.4", "NodeAddr should be expressed as" },
            { $"masq://base-mainnet:{key}@1.2.3.4:80", "NodeAddr must have port numbers between 1025 and 65535, not '80'" },
            { $"masq://base-mainnet:{key}@1.2.3.400:1234", "NodeAddr must have a valid IPv4 address, not '1.2.3.400'" },
            { $"masq://base-mainnet:{key}@fe80::1:2:1234", "NodeAddr should be expressed as" },
        };
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_parse_step_has_its_own_error(string text, string expectedFragment)
    {
        Assert.False(NodeDescriptor.TryParse(text, out var descriptor, out var error));
        Assert.Null(descriptor);
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
    }

    private static NodeDescriptor Parse(string text) =>
        NodeDescriptor.TryParse(text, out var descriptor, out var error) ? descriptor : throw new InvalidOperationException(error);
}
