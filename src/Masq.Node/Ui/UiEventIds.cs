using Masq.Lib.Logging;

namespace Masq.Node.Ui;

/// <summary>The Node's UI gateway log event ids in one table (2000–2099).</summary>
[EventIdRange(2000, 2099)]
internal static class UiEventIds
{
    public const int ShutdownOrdered = 2001;
    public const int UnrecognizedOpcode = 2002;
    public const int CrashRequestIgnored = 2003;
    public const int BadCrashRequest = 2004;
}
