using System.Text;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Output;

/// <summary>What the wallet commands print.</summary>
internal static class WalletFormatter
{
    public static string GeneratedWallets(UiGenerateWalletsResponse response)
    {
        var text = new StringBuilder();
        if (response.MnemonicPhraseOpt is { Count: > 0 } phrase)
        {
            text.Append("Copy this phrase down and keep it safe; you'll need it to restore your wallet:\n");
            text.Append('\'').Append(string.Join(' ', phrase)).Append("'\n");
        }
        text.Append("Address of     consuming wallet: ").Append(response.ConsumingWalletAddress).Append('\n');
        text.Append("Private key of consuming wallet: ").Append(response.ConsumingWalletPrivateKey).Append('\n');
        text.Append("Address of       earning wallet: ").Append(response.EarningWalletAddress).Append('\n');
        text.Append("Private key of   earning wallet: ").Append(response.EarningWalletPrivateKey).Append('\n');
        return text.ToString();
    }

    public static string Addresses(UiWalletAddressesResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = new StringBuilder();
        text.Append("Your consuming wallet address: ").Append(response.ConsumingWalletAddress).Append('\n');
        text.Append("Your   earning wallet address: ").Append(response.EarningWalletAddress).Append('\n');
        if (response.ConsumingWalletSourceOpt is { } consuming)
        {
            text.Append("  consuming wallet: ").Append(consuming).Append('\n');
        }
        if (response.EarningWalletSourceOpt is { } earning)
        {
            text.Append("  earning wallet:   ").Append(earning).Append('\n');
        }
        return text.ToString();
    }
}
