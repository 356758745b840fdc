namespace Masq.Lib.Ui.Messages;

/// <summary><c>setup</c> request: values to set; a null value clears the parameter.</summary>
public sealed record UiSetupRequest(IReadOnlyList<UiSetupRequestValue> Values) : IUiMessage
{
    public static string Opcode => Opcodes.Setup;
}
