namespace Masq.Dashboard.State;

public enum NoticeKind
{
    Info,
    Warning,
    Error,
}
