namespace Masq.Lib.Ui.Messages;

public sealed record UiSetupRequestValue(string Name, string? Value = null);
