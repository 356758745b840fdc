using Masq.Cli.Communications;
using Masq.Cli.Output;

namespace Masq.Cli.Commands;

/// <summary>Everything a command needs to run: the connection, the console and the port probe.</summary>
internal sealed class CommandContext(IUiTransport transport, OutputSink output, ISecretReader secrets, IPortProbe portProbe, bool isInteractive)
{
    public IUiTransport Transport { get; } = transport;

    public OutputSink Output { get; } = output;

    public ISecretReader Secrets { get; } = secrets;

    public IPortProbe PortProbe { get; } = portProbe;

    /// <summary>True in interactive (or script) mode, where broadcasts are printed and masq keeps running.</summary>
    public bool IsInteractive { get; } = isInteractive;
}
