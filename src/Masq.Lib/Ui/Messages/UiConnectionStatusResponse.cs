namespace Masq.Lib.Ui.Messages;

public sealed record UiConnectionStatusResponse(UiConnectionStage Stage) : IUiMessage
{
    public static string Opcode => Opcodes.ConnectionStatus;
}
