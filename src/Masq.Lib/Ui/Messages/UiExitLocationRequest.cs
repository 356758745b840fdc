namespace Masq.Lib.Ui.Messages;

public sealed record UiExitLocationRequest(bool FallbackRouting, IReadOnlyList<UiCountryGroup> ExitLocations, bool ShowCountries) : IUiMessage
{
    public static string Opcode => Opcodes.ExitLocation;
}
