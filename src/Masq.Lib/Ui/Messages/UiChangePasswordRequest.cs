namespace Masq.Lib.Ui.Messages;

public sealed record UiChangePasswordRequest(string NewPassword, string? OldPasswordOpt = null) : IUiMessage
{
    public static string Opcode => Opcodes.ChangePassword;
}
