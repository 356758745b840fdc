using Masq.Node.Blockchain;

namespace Masq.Node.Tests.Blockchain;

public sealed class BlockRangeLimitTests
{
    [Theory]
    [InlineData("query returned more than 10000 results, max: 500", 500UL)]
    [InlineData("Block range is too large; allowed for your plan: 2000", 2000UL)]
    [InlineData("eth_getLogs is limited to 1024 block range", 1024UL)]
    [InlineData("block range limit (3000) exceeded", 3000UL)]
    [InlineData("range exceeds max block range 100000", 100000UL)]
    [InlineData("the maximum allowed is 5000 blocks", 5000UL)]
    [InlineData("Expected batch, got single.", 1000UL)]
    public void Provider_range_errors_name_their_limit(string message, ulong limit)
    {
        Assert.True(BlockRangeLimit.TryParse(message, out var parsed));
        Assert.Equal(limit, parsed);
    }

    [Theory]
    [InlineData("execution reverted")]
    [InlineData("max: 0")]
    [InlineData("max: lots")]
    [InlineData("")]
    public void Other_errors_do_not(string message) => Assert.False(BlockRangeLimit.TryParse(message, out _));
}
