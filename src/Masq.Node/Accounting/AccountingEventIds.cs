using Masq.Lib.Logging;

namespace Masq.Node.Accounting;

/// <summary>The Accountant's log event ids in one table (5000–5199).</summary>
[EventIdRange(5000, 5199)]
internal static class AccountingEventIds
{
    // AccountantActor
    public const int OwnWalletNotCharged = 5001;
    public const int NegativePayload = 5002;
    public const int ChargesNotRecorded = 5003;
    public const int RecordsUnreadable = 5004;
    public const int Stopped = 5005;

    // DelinquencyScanner
    public const int Banned = 5101;
    public const int Unbanned = 5102;
}
