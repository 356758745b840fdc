using System.Numerics;
using Masq.Lib.Blockchains;
using Masq.Node.Blockchain;
using Nethereum.Signer;
using Chain = Masq.Lib.Blockchains.Chain;

namespace Masq.Node.Tests.Blockchain;

public sealed class PaymentSignerTests
{
    private static readonly WalletAddress Creditor = WalletAddress.Parse("0x7a3cf474962646b18666b5a5be597bb0af013d81");
    private static readonly EthECKey Consuming = new("d4670b314ecb5e6b44b7fbe625ed746522c906316e66df31be64194ee6189188");

    [Fact]
    public void Transfer_data_is_the_selector_the_padded_recipient_and_the_amount()
    {
        var data = PaymentSigner.TransferData(Creditor, 100_000_000_000_000_000);

        Assert.Equal(
            "a9059cbb" + "0000000000000000000000007a3cf474962646b18666b5a5be597bb0af013d81" + "000000000000000000000000000000000000000000000000016345785d8a0000",
            Convert.ToHexStringLower(data));
    }

    [Theory]
    [InlineData("dev", 55_000)]
    [InlineData("eth-mainnet", 55_000)]
    [InlineData("base-mainnet", 70_000)]
    [InlineData("polygon-amoy", 70_000)]
    public void The_gas_limit_is_the_chains_base_plus_the_data_cost(string chainId, long baseGas)
    {
        Assert.True(Chain.TryParse(chainId, out var chain, out _));
        var data = PaymentSigner.TransferData(Creditor, 100_000_000_000_000_000);
        var zeros = data.Count(b => b == 0);

        Assert.Equal(baseGas + (4 * zeros) + (68 * (data.Length - zeros)), new PaymentSigner(chain).GasLimit(data));
    }

    [Fact]
    public void A_payment_is_an_eip155_transaction_from_the_consuming_wallet_with_its_nonce_and_gas_price()
    {
        var signer = new PaymentSigner(Chain.Dev);

        var payment = signer.Sign(Consuming, Creditor, 100_000_000_000_000_000, 7, 20_000_000_000);

        var transaction = Nethereum.Model.TransactionFactory.CreateTransaction(payment.RawTransaction);
        var legacy = Assert.IsType<Nethereum.Model.LegacyTransactionChainId>(transaction);
        Assert.Equal(new BigInteger(2), legacy.GetChainIdAsBigInteger());
        Assert.Equal(new BigInteger(7), new BigInteger(legacy.Nonce, isUnsigned: true, isBigEndian: true));
        Assert.Equal(Chain.Dev.ContractAddress.ToString(), "0x" + Convert.ToHexStringLower(legacy.ReceiveAddress));
        Assert.Equal("0x5a4d5df91d0124dec73dbd112f82d6077ccab47d", TransactionVerificationAndRecovery.GetSenderAddress(payment.RawTransaction).ToLowerInvariant());
        Assert.Equal(66, payment.TransactionHash.Length);
        Assert.Equal(payment.TransactionHash, signer.Sign(Consuming, Creditor, 100_000_000_000_000_000, 7, 20_000_000_000).TransactionHash);
        Assert.NotEqual(payment.TransactionHash, signer.Sign(Consuming, Creditor, 100_000_000_000_000_000, 8, 20_000_000_000).TransactionHash);
    }
}
