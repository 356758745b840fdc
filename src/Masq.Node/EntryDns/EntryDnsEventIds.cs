using Masq.Lib.Logging;

namespace Masq.Node.EntryDns;

/// <summary>Entry DNS log event ids (6700–6749), beside the data path's table.</summary>
[EventIdRange(6700, 6749)]
internal static class EntryDnsEventIds
{
    public const int Listening = 6700;
    public const int Unavailable = 6701;
    public const int Malformed = 6702;
    public const int ReceiveFailed = 6703;
    public const int TcpConnectionsFull = 6704;
}
