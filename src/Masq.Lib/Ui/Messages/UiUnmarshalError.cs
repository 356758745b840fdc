namespace Masq.Lib.Ui.Messages;

public sealed record UiUnmarshalError(string Message, string BadData) : IUiMessage
{
    public static string Opcode => Opcodes.UnmarshalError;
}
