namespace Masq.Lib.Ui.Messages;

public sealed record UiConnectionStatusRequest : IUiMessage
{
    public static string Opcode => Opcodes.ConnectionStatus;
}
