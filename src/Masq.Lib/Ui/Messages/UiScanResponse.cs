namespace Masq.Lib.Ui.Messages;

public sealed record UiScanResponse : IUiMessage
{
    public static string Opcode => Opcodes.Scan;
}
