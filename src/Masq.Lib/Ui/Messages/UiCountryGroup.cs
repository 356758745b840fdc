namespace Masq.Lib.Ui.Messages;

public sealed record UiCountryGroup(IReadOnlyList<string> CountryCodes, int Priority);
