namespace Masq.Lib.Ui.Messages;

public sealed record UiStartRequest : IUiMessage
{
    public static string Opcode => Opcodes.Start;
}
