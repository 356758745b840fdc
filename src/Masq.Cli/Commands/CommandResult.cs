namespace Masq.Cli.Commands;

internal enum CommandResult
{
    Success,

    /// <summary>The command failed; its error has been printed.</summary>
    Failure,

    /// <summary>The Daemon's connection closed: masq must terminate.</summary>
    DaemonLost,
}
