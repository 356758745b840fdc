namespace Masq.Lib.Ui.Messages;

/// <summary>The neighborhood database as Graphviz DOT text.</summary>
public sealed record UiNeighborhoodGraphResponse(string Graph) : IUiMessage
{
    public static string Opcode => Opcodes.NeighborhoodGraph;
}
