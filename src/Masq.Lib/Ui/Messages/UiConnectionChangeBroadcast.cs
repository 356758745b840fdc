namespace Masq.Lib.Ui.Messages;

public sealed record UiConnectionChangeBroadcast(UiConnectionStage Stage) : IUiMessage
{
    public static string Opcode => Opcodes.ConnectionChange;
}
