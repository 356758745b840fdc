namespace Masq.Cli.Localnet;

/// <summary>
/// A command that needs neither the Daemon nor a Node connection (<c>localnet</c> launches Nodes itself). masq may
/// run it without connecting first, with <see cref="NoDaemonTransport"/> in its context.
/// </summary>
internal interface IDaemonlessCommand : Commands.ICommand;
