using Masq.Node.Protocol;

namespace Masq.Node.DataPath;

/// <summary>
/// Which packages of a stream are exit service, and of how many bytes: the one rule the originator (which pays) and the
/// exit (which charges) both apply, so their books agree to the wei. Every request and response package is exit
/// service of its client-data length (empty ones too: a probe, its echo, a close), except a credit update
/// (protocol.md §4): it carries no client data and the exit serves nothing for it; it is flow-control overhead between
/// the two ends, like a TCP window update. The relays still charge routing for carrying it, since they cannot tell it
/// from any other package.
/// </summary>
internal static class ExitServiceCharge
{
    /// <summary>The exit-service payload size of a request package, or null when it is no exit service.</summary>
    public static long? Of(ClientRequestPayload request) =>
        request.IsCreditOnly ? null : request.SequencedPacket.Data.Length;

    /// <summary>The exit-service payload size of a response package, or null when it is no exit service.</summary>
    public static long? Of(ClientResponsePayload response) =>
        response.IsCreditOnly ? null : response.SequencedPacket.Data.Length;
}
