using Masq.Cli.Output;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary><c>connection-status</c>: how far the Node has got joining the network.</summary>
internal sealed record ConnectionStatusCommand : ICommand
{
    public const string NotRunning = "MASQNode is not running; therefore its connection status cannot be displayed.";

    public static CommandDescriptor Descriptor { get; } = new(
        "connection-status",
        "Displays the stage of the Node's connection to the network (NotConnected, ConnectedToNeighbor or RouteFound; ZeroHop for a zero-hop Node, which needs no neighbors).",
        "connection-status",
        string.Empty,
        (args, _) =>
        {
            NoArguments.Check("connection-status", args);
            return new ConnectionStatusCommand();
        });

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var response = await NodeNotRunning.ExplainAsync(context, NotRunning, () =>
            context.Transport.TransactAsync<UiConnectionStatusRequest, UiConnectionStatusResponse>(
                new UiConnectionStatusRequest(), CommandTimeouts.Standard, cancellationToken)).ConfigureAwait(false);
        context.Output.WriteLine(ConnectionStageText.ForStatus(response.Stage, response.NeighborhoodMode));
        if (response.PortMapping is { Length: > 0 } mapping)
        {
            context.Output.WriteLine($"Reachability: {mapping}");
        }
    }
}
