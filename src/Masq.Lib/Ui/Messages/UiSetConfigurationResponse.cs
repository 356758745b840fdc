namespace Masq.Lib.Ui.Messages;

public sealed record UiSetConfigurationResponse : IUiMessage
{
    public static string Opcode => Opcodes.SetConfiguration;
}
