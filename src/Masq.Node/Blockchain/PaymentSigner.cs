using System.Numerics;
using Masq.Lib.Blockchains;
using Masq.Node.Crypto;
using Nethereum.Signer;
using Chain = Masq.Lib.Blockchains.Chain;

namespace Masq.Node.Blockchain;

/// <summary>
/// Builds and signs ERC-20 <c>transfer(recipient, amount)</c> transactions for one chain (spec §3.3): legacy
/// transactions with an EIP-155 chain id, <c>to</c> = the token contract, value 0, and the chain's gas limit.
/// </summary>
internal sealed class PaymentSigner(Chain chain)
{
    private const string TransferSelector = "a9059cbb";

    public Chain Chain => chain;

    /// <summary>55,000 on eth, ropsten and dev; 70,000 on polygon and base.</summary>
    public long BaseGasLimit => chain.Id.StartsWith("polygon", StringComparison.Ordinal) || chain.Id.StartsWith("base", StringComparison.Ordinal) ? 70_000 : 55_000;

    /// <summary>The 68-byte call data of <c>transfer(recipient, amount)</c>.</summary>
    public static byte[] TransferData(WalletAddress recipient, Int128 amountWei)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountWei);
        var data = new byte[68];
        Convert.FromHexString(TransferSelector).CopyTo(data, 0);
        recipient.Bytes.CopyTo(data.AsSpan(4 + 12));
        var amount = ((BigInteger)amountWei).ToByteArray(isUnsigned: true, isBigEndian: true);
        amount.CopyTo(data.AsSpan(68 - amount.Length));
        return data;
    }

    /// <summary>The chain's base gas plus 4 per zero and 68 per non-zero data byte.</summary>
    public long GasLimit(ReadOnlySpan<byte> data)
    {
        var limit = BaseGasLimit;
        foreach (var b in data)
        {
            limit += b == 0 ? 4 : 68;
        }

        return limit;
    }

    public SignedPayment Sign(EthECKey consumingKey, WalletAddress recipient, Int128 amountWei, BigInteger nonce, BigInteger gasPriceWei)
    {
        var data = TransferData(recipient, amountWei);
        var raw = new LegacyTransactionSigner().SignTransaction(
            consumingKey.GetPrivateKeyAsBytes(),
            new BigInteger(chain.ChainId),
            chain.ContractAddress.ToString(),
            BigInteger.Zero,
            nonce,
            gasPriceWei,
            new BigInteger(GasLimit(data)),
            "0x" + Convert.ToHexStringLower(data));
        var hex = raw.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? raw[2..] : raw;
        var hash = "0x" + Convert.ToHexStringLower(Keccak256.Hash(Convert.FromHexString(hex), []));
        return new SignedPayment(recipient, amountWei, nonce, gasPriceWei, "0x" + hex.ToLowerInvariant(), hash);
    }
}
