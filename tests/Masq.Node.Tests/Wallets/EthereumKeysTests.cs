using Masq.Node.Wallets;

namespace Masq.Node.Tests.Wallets;

public sealed class EthereumKeysTests
{
    private const string Key = "d4670b314ecb5e6b44b7fbe625ed746522c906316e66df31be64194ee6189188";

    [Theory]
    [InlineData(Key)]
    [InlineData("0x" + Key)]
    [InlineData("D4670B314ECB5E6B44B7FBE625ED746522C906316E66DF31BE64194EE6189188")]
    public void Hex_keys_parse_in_either_case(string text)
    {
        Assert.True(EthereumKeys.TryParsePrivateKey(text, out var key, out _));
        Assert.Equal("0x5a4d5df91d0124dec73dbd112f82d6077ccab47d", EthereumKeys.AddressOf(key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("d4670b314ecb5e6b44b7fbe625ed746522c906316e66df31be64194ee618918")]
    [InlineData("d4670b314ecb5e6b44b7fbe625ed746522c906316e66df31be64194ee61891888")]
    [InlineData("g4670b314ecb5e6b44b7fbe625ed746522c906316e66df31be64194ee6189188")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141")]
    public void Bad_keys_are_refused_without_repeating_them(string text)
    {
        Assert.False(EthereumKeys.TryParsePrivateKey(text, out var key, out var error));

        Assert.Empty(key);
        Assert.DoesNotContain(text.Length > 8 ? text[..8] : "\u0000", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_largest_valid_key_is_accepted() =>
        Assert.True(EthereumKeys.TryParsePrivateKey("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364140", out _, out _));
}
