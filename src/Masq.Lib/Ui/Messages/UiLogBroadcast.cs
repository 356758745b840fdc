namespace Masq.Lib.Ui.Messages;

public sealed record UiLogBroadcast(string Msg, UiLogLevel LogLevel) : IUiMessage
{
    public static string Opcode => Opcodes.LogBroadcast;
}
