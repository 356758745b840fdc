namespace Masq.Lib.Ui.Messages;

public sealed record UiRecoverWalletsResponse : IUiMessage
{
    public static string Opcode => Opcodes.RecoverWallets;
}
