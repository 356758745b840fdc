namespace Masq.Lib.Ui.Messages;

public sealed record UiWalletAddressesRequest(string DbPassword) : IUiMessage
{
    public static string Opcode => Opcodes.WalletAddresses;
}
