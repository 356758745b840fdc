namespace Masq.Lib.Ui.Messages;

public enum UiLogLevel
{
    Info,
    Warn,
    Error,
}
