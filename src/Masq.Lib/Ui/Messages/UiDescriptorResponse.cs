namespace Masq.Lib.Ui.Messages;

/// <summary>The Node's descriptor; null until its IP is known.</summary>
public sealed record UiDescriptorResponse(string? NodeDescriptorOpt = null) : IUiMessage
{
    public static string Opcode => Opcodes.Descriptor;
}
