using Masq.Lib.Logging;

namespace Masq.Node.Neighborhood;

/// <summary>The Neighborhood's log event ids (7000–7099), one table so they never collide.</summary>
[EventIdRange(7000, 7099)]
internal static class NeighborhoodEventIds
{
    public const int Debut = 7000;
    public const int DebutFailed = 7001;
    public const int NoInitialNeighbors = 7002;
    public const int UsingPastNeighbors = 7003;
    public const int BadPastNeighbor = 7004;
    public const int PastNeighborsUnreadable = 7005;
    public const int PastNeighborsDeclined = 7006;
    public const int PastNeighborsNotSaved = 7007;
    public const int Accepted = 7010;
    public const int Ignored = 7011;
    public const int Malefactor = 7012;
    public const int BannedSource = 7013;
    public const int WrongPayload = 7014;
    public const int ZeroHopGossip = 7015;
    public const int UntrackedFailure = 7016;
    public const int InitialNeighborRefused = 7017;
    public const int NoNeighborAccepted = 7018;
    public const int NoGossipResponse = 7019;
    public const int NeighborLost = 7020;
    public const int GossipUndelivered = 7021;
    public const int ReplyUndelivered = 7022;
    public const int NoRoute = 7030;
    public const int RouteFound = 7031;
    public const int UnreachableHost = 7032;
    public const int ExitLocation = 7033;
    public const int DebutRetry = 7034;
    public const int RootVersionNotSaved = 7035;
    public const int Replied = 7036;
    public const int Refused = 7037;
    public const int NoGossipResponseButConnected = 7038;
    public const int PartedFrom = 7039;
    public const int PartedForExit = 7040;
    public const int RootMoved = 7041;
    public const int Relinking = 7042;
    public const int KeptAfterMove = 7043;
    public const int HealingDebut = 7044;
    public const int StaleRecordsDropped = 7045;
    public const int MoveProved = 7046;
    public const int RelinkingLost = 7047;
}
