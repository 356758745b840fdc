namespace Masq.Lib.Ui.Messages;

/// <summary>The Node's descriptor; null until its IP is known, and always null in zero-hop mode.</summary>
/// <param name="NeighborhoodMode">The Node's mode, so that a client can say why there is no descriptor; null from a
/// Node that does not say.</param>
public sealed record UiDescriptorResponse(string? NodeDescriptorOpt = null, string? NeighborhoodMode = null) : IUiMessage
{
    public static string Opcode => Opcodes.Descriptor;
}
