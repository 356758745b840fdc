namespace Masq.Lib.Ui.Messages;

public enum CrashReasonKind
{
    NoInformation,
    Unrecognized,
    ChildWaitFailure,
}
