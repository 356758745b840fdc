using System.Diagnostics.CodeAnalysis;

namespace Masq.Lib.Blockchains;

/// <summary>
/// A blockchain the Node can pay and be paid on. The id string is what users type (<c>--chain</c>) and what node
/// descriptors carry; the MASQ token contract address is appended to every signed gossip record, so records signed for
/// one chain never verify on another.
/// </summary>
public sealed class Chain
{
    private Chain(string id, long chainId, string contractAddress, long contractCreationBlock, bool isMainnet)
    {
        Id = id;
        ChainId = chainId;
        ContractAddress = WalletAddress.Parse(contractAddress);
        ContractCreationBlock = contractCreationBlock;
        IsMainnet = isMainnet;
    }

    public static Chain PolygonMainnet { get; } =
        new("polygon-mainnet", 137, "0xee9a352f6aac4af1a5b9f467f6a93e0ffbe9dd35", 14_863_650, isMainnet: true);

    public static Chain EthMainnet { get; } =
        new("eth-mainnet", 1, "0x06f3c323f0238c72bf35011071f2b5b7f43a054c", 11_170_708, isMainnet: true);

    public static Chain BaseMainnet { get; } =
        new("base-mainnet", 8453, "0x45d9c101a3870ca5024582fd788f4e1e8f7971c3", 19_711_235, isMainnet: true);

    public static Chain BaseSepolia { get; } =
        new("base-sepolia", 84532, "0x898e1ce720084a902bc37dd822ed6d6a5f027e10", 14_732_730, isMainnet: false);

    public static Chain PolygonAmoy { get; } =
        new("polygon-amoy", 80002, "0xd98c3ebd6b7f9b7cda2449ecac00d1e5f47a8193", 5_323_366, isMainnet: false);

    public static Chain EthRopsten { get; } =
        new("eth-ropsten", 3, "0x384dec25e03f94931767ce4c3556168468ba24c3", 8_688_171, isMainnet: false);

    /// <summary>The local development chain (ganache) used by multi-node tests; left out of user-facing lists.</summary>
    public static Chain Dev { get; } =
        new("dev", 2, "0x59882e4a8f5d24643d4dda422922a870f1b3e664", 0, isMainnet: false);

    /// <summary>The chain used when none is configured.</summary>
    public static Chain Default => BaseMainnet;

    /// <summary>Every chain, in the reference implementation's stored order.</summary>
    public static IReadOnlyList<Chain> All { get; } =
        [PolygonMainnet, EthMainnet, BaseMainnet, BaseSepolia, PolygonAmoy, EthRopsten, Dev];

    /// <summary>The ids offered to users (everything except <c>dev</c>), comma-separated.</summary>
    public static string ValidIdsText { get; } =
        string.Join(", ", All.Where(c => !ReferenceEquals(c, Dev)).Select(c => c.Id));

    /// <summary>The id string, e.g. <c>base-mainnet</c>.</summary>
    public string Id { get; }

    /// <summary>The EIP-155 chain id, e.g. 8453.</summary>
    public long ChainId { get; }

    /// <summary>The MASQ (or tMASQ) ERC-20 token contract.</summary>
    public WalletAddress ContractAddress { get; }

    /// <summary>The block in which the token contract was created (only used for display without a database).</summary>
    public long ContractCreationBlock { get; }

    public bool IsMainnet { get; }

    /// <summary>Looks a chain up by its exact id string.</summary>
    /// <param name="error">When the id is unknown: a message that lists the valid ids (without <c>dev</c>).</param>
    public static bool TryParse(string? id, [NotNullWhen(true)] out Chain? chain, [NotNullWhen(false)] out string? error)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Id, id, StringComparison.Ordinal))
            {
                chain = candidate;
                error = null;
                return true;
            }
        }

        chain = null;
        error = $"Chain '{id}' is not valid; possible values are: {ValidIdsText}";
        return false;
    }

    public override string ToString() => Id;
}
