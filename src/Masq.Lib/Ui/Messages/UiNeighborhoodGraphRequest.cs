namespace Masq.Lib.Ui.Messages;

public sealed record UiNeighborhoodGraphRequest : IUiMessage
{
    public static string Opcode => Opcodes.NeighborhoodGraph;
}
