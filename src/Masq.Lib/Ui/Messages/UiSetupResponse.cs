namespace Masq.Lib.Ui.Messages;

/// <summary><c>setup</c> response, and the <c>setup</c> broadcast to the other clients.</summary>
public sealed record UiSetupResponse(bool Running, IReadOnlyList<UiSetupResponseValue> Values, IReadOnlyList<UiSetupError> Errors) : IUiMessage
{
    public static string Opcode => Opcodes.Setup;
}
