using Masq.Node.Crypto;

namespace Masq.Node.Tests.Crypto;

public sealed class Keccak256Tests
{
    [Fact]
    public void Empty_input_gives_the_known_ethereum_keccak()
    {
        Assert.Equal(
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
            Convert.ToHexStringLower(Keccak256.Hash([], [])));
    }

    [Fact]
    public void Two_parts_hash_like_their_concatenation()
    {
        Assert.Equal(Keccak256.Hash("hello world"u8, []), Keccak256.Hash("hello "u8, "world"u8));
        Assert.Equal(
            "47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad",
            Convert.ToHexStringLower(Keccak256.Hash("hello world"u8, [])));
    }
}
