namespace Masq.Cli.Communications;

/// <summary>Tells whether something still accepts TCP connections on a loopback port (used after <c>shutdown</c>).</summary>
internal interface IPortProbe
{
    Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken);
}
