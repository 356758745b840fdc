namespace Masq.Lib.Ui.Messages;

/// <param name="NeighborhoodMode">The Node's mode (<c>zero-hop</c>, <c>standard</c>…), so that a client can tell a
/// zero-hop Node, which needs no neighbors, from one still waiting for them; null from a Node that does not say.</param>
public sealed record UiConnectionStatusResponse(UiConnectionStage Stage, string? NeighborhoodMode = null) : IUiMessage
{
    public static string Opcode => Opcodes.ConnectionStatus;
}
