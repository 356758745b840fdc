namespace Masq.Lib.Ui.Messages;

public sealed record UiCrashedBroadcast(uint ProcessId, CrashReason CrashReason) : IUiMessage
{
    public static string Opcode => Opcodes.Crashed;
}
