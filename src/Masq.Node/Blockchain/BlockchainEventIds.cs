using Masq.Lib.Logging;

namespace Masq.Node.Blockchain;

/// <summary>The blockchain bridge's and its scanners' log event ids in one table (8000–8499).</summary>
[EventIdRange(8000, 8499)]
internal static class BlockchainEventIds
{
    // PayableScanner
    public const int PaymentSent = 8001;
    public const int PaymentRefused = 8002;
    public const int GasPriceAboveCeiling = 8003;
    public const int WalletShortOfFunds = 8004;
    public const int UnexpectedHash = 8005;
    public const int BatchUnanswered = 8006;

    // PendingPayableScanner
    public const int PendingFound = 8101;
    public const int TransactionConfirmed = 8102;
    public const int TransactionFailed = 8103;
    public const int PendingSummary = 8104;
    public const int TransactionReplaced = 8105;
    public const int TransactionNotReplaced = 8106;
    public const int OutcomeNotRecorded = 8107;

    // ReceivableScanner
    public const int UnknownPayer = 8201;
    public const int LogQueriesLimited = 8202;
    public const int LatestBlockUnknown = 8203;
    public const int ReceivableSummary = 8204;

    // BlockchainBridgeActor
    public const int ScanFailed = 8301;
    public const int ScanDone = 8302;
    public const int ScanDoneForUi = 8303;
    public const int NothingToScan = 8304;
    public const int ScansOff = 8305;
    public const int ScansStarted = 8306;
}
