namespace Masq.Cli.Commands;

/// <summary>A parsed subcommand, ready to talk to the Daemon or Node.</summary>
internal interface ICommand
{
    /// <summary>Runs the command and prints its output.</summary>
    /// <exception cref="CommandFailedException">The command failed for a reason it has already described.</exception>
    /// <remarks>UI errors (<see cref="Masq.Lib.Ui.Client.UiCallException"/> and friends) propagate to <see cref="CommandRunner"/>.</remarks>
    Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
