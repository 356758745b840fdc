namespace Masq.Lib.Ui.Messages;

/// <summary>Fire-and-forget from the Daemon: a fire-and-forget message could not reach a Node.</summary>
public sealed record UiUndelivered(string Opcode) : IUiMessage
{
    static string IUiMessage.Opcode => Opcodes.Undelivered;
}
