using Masq.Cli.Output;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Output;

public sealed class WalletFormatterTests
{
    [Fact]
    public void Generated_wallets_with_a_phrase()
    {
        var response = new UiGenerateWalletsResponse("0xc0", "C0FFEE", "0xea", "EA7", ["taxation", "is", "theft"]);

        Assert.Equal(
            "Copy this phrase down and keep it safe; you'll need it to restore your wallet:\n"
            + "'taxation is theft'\n"
            + "Address of     consuming wallet: 0xc0\n"
            + "Private key of consuming wallet: C0FFEE\n"
            + "Address of       earning wallet: 0xea\n"
            + "Private key of   earning wallet: EA7\n",
            WalletFormatter.GeneratedWallets(response));
    }

    [Fact]
    public void Generated_wallets_without_a_phrase()
    {
        var text = WalletFormatter.GeneratedWallets(new UiGenerateWalletsResponse("0xc0", "C0FFEE", "0xea", "EA7"));

        Assert.StartsWith("Address of     consuming wallet: 0xc0\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copy this phrase", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Wallet_addresses_line_up()
    {
        Assert.Equal(
            "Your consuming wallet address: 0xc0\nYour   earning wallet address: 0xea\n",
            WalletFormatter.Addresses(new UiWalletAddressesResponse("0xc0", "0xea")));
    }
}
