namespace Masq.Lib.Ui.Messages;

public sealed record UiNewPasswordBroadcast : IUiMessage
{
    public static string Opcode => Opcodes.NewPassword;
}
