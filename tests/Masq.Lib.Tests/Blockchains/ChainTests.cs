using Masq.Lib.Blockchains;

namespace Masq.Lib.Tests.Blockchains;

public sealed class ChainTests
{
    [Theory]
    [InlineData("polygon-mainnet", 137L, "0xee9a352f6aac4af1a5b9f467f6a93e0ffbe9dd35", true)]
    [InlineData("eth-mainnet", 1L, "0x06f3c323f0238c72bf35011071f2b5b7f43a054c", true)]
    [InlineData("base-mainnet", 8453L, "0x45d9c101a3870ca5024582fd788f4e1e8f7971c3", true)]
    [InlineData("base-sepolia", 84532L, "0x898e1ce720084a902bc37dd822ed6d6a5f027e10", false)]
    [InlineData("polygon-amoy", 80002L, "0xd98c3ebd6b7f9b7cda2449ecac00d1e5f47a8193", false)]
    [InlineData("eth-ropsten", 3L, "0x384dec25e03f94931767ce4c3556168468ba24c3", false)]
    [InlineData("dev", 2L, "0x59882e4a8f5d24643d4dda422922a870f1b3e664", false)]
    public void Every_chain_of_the_spec_is_known_with_its_id_contract_and_network_kind(string id, long chainId, string contract, bool mainnet)
    {
        Assert.True(Chain.TryParse(id, out var chain, out var error));
        Assert.Null(error);
        Assert.Equal(id, chain.Id);
        Assert.Equal(chainId, chain.ChainId);
        Assert.Equal(contract, chain.ContractAddress.ToString());
        Assert.Equal(mainnet, chain.IsMainnet);
        Assert.Equal(id, chain.ToString());
    }

    [Fact]
    public void The_default_is_base_mainnet_and_the_stored_order_is_kept()
    {
        Assert.Same(Chain.BaseMainnet, Chain.Default);
        Assert.Equal(
            ["polygon-mainnet", "eth-mainnet", "base-mainnet", "base-sepolia", "polygon-amoy", "eth-ropsten", "dev"],
            Chain.All.Select(c => c.Id));
    }

    [Theory]
    [InlineData("base-mainet")]
    [InlineData("BASE-MAINNET")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_id_gives_an_error_listing_the_valid_ids_without_dev(string? id)
    {
        Assert.False(Chain.TryParse(id, out var chain, out var error));
        Assert.Null(chain);
        Assert.Equal(
            $"Chain '{id}' is not valid; possible values are: polygon-mainnet, eth-mainnet, base-mainnet, base-sepolia, polygon-amoy, eth-ropsten",
            error);
        Assert.DoesNotContain("dev", error, StringComparison.Ordinal);
    }
}
