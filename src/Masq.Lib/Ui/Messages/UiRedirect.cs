namespace Masq.Lib.Ui.Messages;

/// <summary>Fire-and-forget from the Daemon: the message belongs to the Node on <paramref name="Port"/>.</summary>
/// <param name="Payload">The original payload as a JSON string.</param>
public sealed record UiRedirect(ushort Port, string Opcode, ulong? ContextId, string Payload) : IUiMessage
{
    static string IUiMessage.Opcode => Opcodes.Redirect;
}
