namespace Masq.Lib.Ui.Messages;

/// <summary>The end of a scan the UI asked for.</summary>
/// <param name="SummaryOpt">
/// What the scan did, e.g. "Found 2 payables, 1 qualified for payment; sent 1 of 1 transactions: 0x…", or why it did
/// nothing (a Masq extension: the reference answers <c>{}</c>).
/// </param>
public sealed record UiScanResponse(string? SummaryOpt = null) : IUiMessage
{
    public static string Opcode => Opcodes.Scan;
}
