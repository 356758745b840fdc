namespace Masq.Lib.Ui.Messages;

public sealed record UiScanRequest(UiScanType ScanType) : IUiMessage
{
    public static string Opcode => Opcodes.Scan;
}
