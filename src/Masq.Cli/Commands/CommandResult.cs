namespace Masq.Cli.Commands;

internal enum CommandResult
{
    Success,

    /// <summary>The command failed; its error has been printed.</summary>
    Failure,

    /// <summary>The Daemon's connection closed: masq must terminate.</summary>
    DaemonLost,

    /// <summary>masq was connected straight to a Node's UI port, and that Node shut down as told: masq must
    /// terminate, but nothing failed.</summary>
    NodeShutDown,
}
