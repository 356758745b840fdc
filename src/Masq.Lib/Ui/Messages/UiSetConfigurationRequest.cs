namespace Masq.Lib.Ui.Messages;

/// <summary>Changes one of <c>gas-price</c>, <c>min-hops</c>, <c>start-block</c> at run time.</summary>
public sealed record UiSetConfigurationRequest(string Name, string Value) : IUiMessage
{
    public static string Opcode => Opcodes.SetConfiguration;
}
