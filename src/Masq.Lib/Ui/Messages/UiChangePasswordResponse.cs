namespace Masq.Lib.Ui.Messages;

public sealed record UiChangePasswordResponse : IUiMessage
{
    public static string Opcode => Opcodes.ChangePassword;
}
