namespace Masq.Lib.Ui.Messages;

public sealed record UiExitLocationResponse(
    bool FallbackRouting,
    IReadOnlyList<UiCountryGroup> ExitCountrySelection,
    IReadOnlyList<string> MissingCountries,
    IReadOnlyList<string>? ExitCountries = null) : IUiMessage
{
    public static string Opcode => Opcodes.ExitLocation;
}
