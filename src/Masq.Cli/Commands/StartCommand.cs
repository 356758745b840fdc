using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary><c>start</c>: launches the Node with the current setup.</summary>
internal sealed record StartCommand : ICommand
{
    public static CommandDescriptor Descriptor { get; } = new(
        "start",
        "Starts MASQNode with the parameters established by 'setup'. Only valid if the Node is not already running.",
        "start",
        string.Empty,
        (args, _) =>
        {
            NoArguments.Check("start", args);
            return new StartCommand();
        });

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var response = await context.Transport.TransactAsync<UiStartRequest, UiStartResponse>(
            new UiStartRequest(), CommandTimeouts.Start, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine($"MASQNode successfully started in process {response.NewProcessId} on port {response.RedirectUiPort}");
    }
}
