namespace Masq.Lib.Ui.Messages;

/// <param name="ConsumingWalletSourceOpt">Where the consuming wallet comes from (a Masq extension), e.g. "the private key given at start-up".</param>
/// <param name="EarningWalletSourceOpt">Where the earning wallet comes from (a Masq extension).</param>
public sealed record UiWalletAddressesResponse(
    string ConsumingWalletAddress,
    string EarningWalletAddress,
    string? ConsumingWalletSourceOpt = null,
    string? EarningWalletSourceOpt = null) : IUiMessage
{
    public static string Opcode => Opcodes.WalletAddresses;
}
