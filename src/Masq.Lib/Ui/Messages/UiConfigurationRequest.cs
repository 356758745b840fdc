namespace Masq.Lib.Ui.Messages;

public sealed record UiConfigurationRequest(string? DbPasswordOpt = null) : IUiMessage
{
    public static string Opcode => Opcodes.Configuration;
}
