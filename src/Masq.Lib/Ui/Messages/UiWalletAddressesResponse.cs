namespace Masq.Lib.Ui.Messages;

public sealed record UiWalletAddressesResponse(string ConsumingWalletAddress, string EarningWalletAddress) : IUiMessage
{
    public static string Opcode => Opcodes.WalletAddresses;
}
