namespace Masq.Lib.Ui.Messages;

/// <param name="NeighborhoodMode">The Node's mode (<c>zero-hop</c>, <c>standard</c>…), so that a client can tell a
/// zero-hop Node, which needs no neighbors, from one still waiting for them; null from a Node that does not say.</param>
/// <param name="PortMapping">How a standard-mode Node is reachable: what its router mapped (protocol, public IP), or
/// that the user must forward the port by hand; null when the Node has nothing to say (other modes, older Nodes).</param>
public sealed record UiConnectionStatusResponse(UiConnectionStage Stage, string? NeighborhoodMode = null, string? PortMapping = null) : IUiMessage
{
    public static string Opcode => Opcodes.ConnectionStatus;
}
