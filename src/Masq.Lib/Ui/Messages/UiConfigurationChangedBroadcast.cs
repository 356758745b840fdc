namespace Masq.Lib.Ui.Messages;

/// <summary>Sent when the Node's persistent configuration changes (the reference defines it but never sends it; we do).</summary>
public sealed record UiConfigurationChangedBroadcast : IUiMessage
{
    public static string Opcode => Opcodes.ConfigurationChanged;
}
