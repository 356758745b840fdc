namespace Masq.Lib.Ui.Messages;

/// <summary>Fire-and-forget test hook: the actor named (upper case) crashes when the Node runs with <c>--crash-point message</c>.</summary>
public sealed record UiCrashRequest(string Actor, string PanicMessage) : IUiMessage
{
    public static string Opcode => Opcodes.Crash;
}
