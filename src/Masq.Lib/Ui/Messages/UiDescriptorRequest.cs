namespace Masq.Lib.Ui.Messages;

public sealed record UiDescriptorRequest : IUiMessage
{
    public static string Opcode => Opcodes.Descriptor;
}
