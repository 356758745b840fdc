namespace Masq.Lib.Ui.Messages;

public sealed record UiCheckPasswordRequest(string? DbPasswordOpt = null) : IUiMessage
{
    public static string Opcode => Opcodes.CheckPassword;
}
