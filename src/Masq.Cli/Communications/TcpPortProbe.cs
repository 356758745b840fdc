using System.Net;
using System.Net.Sockets;

namespace Masq.Cli.Communications;

internal sealed class TcpPortProbe : IPortProbe
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(250);

    public async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A port that neither accepts nor refuses within the attempt timeout is treated as still occupied.
            return true;
        }
    }
}
