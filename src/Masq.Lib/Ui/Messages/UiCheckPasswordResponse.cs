namespace Masq.Lib.Ui.Messages;

public sealed record UiCheckPasswordResponse(bool Matches) : IUiMessage
{
    public static string Opcode => Opcodes.CheckPassword;
}
