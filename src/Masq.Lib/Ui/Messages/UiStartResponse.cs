namespace Masq.Lib.Ui.Messages;

public sealed record UiStartResponse(uint NewProcessId, ushort RedirectUiPort) : IUiMessage
{
    public static string Opcode => Opcodes.Start;
}
