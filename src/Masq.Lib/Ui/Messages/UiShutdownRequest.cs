namespace Masq.Lib.Ui.Messages;

/// <summary>Asks the Node to exit cleanly; no reply is sent, the connection simply closes.</summary>
public sealed record UiShutdownRequest : IUiMessage
{
    public static string Opcode => Opcodes.Shutdown;
}
