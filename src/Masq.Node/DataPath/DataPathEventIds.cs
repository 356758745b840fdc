using Masq.Lib.Logging;

namespace Masq.Node.DataPath;

/// <summary>The data path's log event ids in one table (6000–6499), so a log line can be traced to its source.</summary>
[EventIdRange(6000, 6499)]
internal static class DataPathEventIds
{
    public const int Crashed = 6000;

    // Networking: clandestine links
    public const int ClandestineListening = 6001;
    public const int ClandestineConnected = 6002;
    public const int ClandestineConnectFailed = 6003;
    public const int ClandestineAccepted = 6004;
    public const int ClandestineClosed = 6005;
    public const int ClandestineMalformed = 6006;
    public const int ClandestineTruncated = 6007;
    public const int NoAddressForKey = 6008;
    public const int LinkDropped = 6009;
    public const int ClandestineListenFailed = 6010;
    public const int OverBudget = 6011;
    public const int MemoryTrimmed = 6012;
    public const int MisbehaviourSummary = 6013;
    public const int PeerCutOff = 6014;
    public const int TooManyConnections = 6015;
    public const int ClandestineStalled = 6016;
    public const int MalefactorRefused = 6017;

    // Networking: browser side
    public const int BrowserListening = 6020;
    public const int BrowserListenFailed = 6021;
    public const int BrowserBadRequest = 6022;
    public const int BrowserHeadTooLarge = 6023;
    public const int BrowserNoHost = 6024;
    public const int BrowserNotTls = 6025;
    public const int BrowserNoServerName = 6026;
    public const int BrowserConnectRefused = 6027;
    public const int BrowserConnectionFailed = 6028;
    public const int LoopbackTargetRefused = 6029;
    public const int PrivilegedPortBound = 6030;
    public const int PrivilegedPortUnavailable = 6031;
    public const int BrowserTimedOut = 6032;

    // Hopper
    public const int PackageUnopenable = 6100;
    public const int HopUnreadable = 6101;
    public const int RelayWithoutPayer = 6102;
    public const int ForgedPayerProof = 6103;
    public const int BannedPayer = 6104;
    public const int RouteLoops = 6105;
    public const int ReplayedPackage = 6106;
    public const int PayloadUnopenable = 6107;
    public const int WrongMessageForComponent = 6108;
    public const int NotAnExit = 6109;
    public const int NextHopUnreachable = 6110;

    // ProxyServer
    public const int NoRoute = 6200;
    public const int NoConsumingWallet = 6201;
    public const int DnsFailureRetrying = 6202;
    public const int DnsFailureFinal = 6203;
    public const int Straggler = 6204;
    public const int UnknownReturnRoute = 6205;
    public const int StreamLostPackets = 6206;
    public const int StreamExpired = 6207;
    public const int ServerFailureRetrying = 6208;
    public const int ServerFailureFinal = 6209;
    public const int ServerFailedMidStream = 6210;
    public const int StreamOverWindow = 6211;
    public const int RouteDead = 6220;

    // ProxyClient
    public const int ExitNoHostname = 6300;
    public const int ExitDnsFailed = 6301;
    public const int ExitConnectFailed = 6302;
    public const int ExitStreamExpired = 6303;
    public const int ExitServerError = 6304;
    public const int ExitStreamOpened = 6305;
    public const int ExitLostPackets = 6306;
    public const int ExitTargetRefused = 6307;
    public const int ExitServerSilent = 6308;
    public const int ExitUnpaid = 6309;
    public const int ExitWayBackUnreadable = 6310;
    public const int ExitOverWindow = 6311;

    // SOCKS5 (Proxy/Socks)
    public const int SocksRefused = 6400;
    public const int SocksFailed = 6401;
    public const int SocksTooManyHandshakes = 6402;
}
