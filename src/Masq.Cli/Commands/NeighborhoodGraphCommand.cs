using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary><c>neighborhood-graph</c>: the Node's neighborhood database as Graphviz DOT text.</summary>
internal sealed record NeighborhoodGraphCommand : ICommand
{
    public static CommandDescriptor Descriptor { get; } = new(
        "neighborhood-graph",
        "Displays the Node's neighborhood database as a Graphviz (DOT) graph.",
        "neighborhood-graph",
        "Nodes are labelled '<A|a><R|r> v<version> <country>' (A: accepts connections, R: routes data), the start\n"
        + "of the key and the address; the local Node is filled, Nodes that are only referenced have no shape.",
        (args, _) =>
        {
            NoArguments.Check("neighborhood-graph", args);
            return new NeighborhoodGraphCommand();
        });

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var response = await context.Transport.TransactAsync<UiNeighborhoodGraphRequest, UiNeighborhoodGraphResponse>(
            new UiNeighborhoodGraphRequest(), CommandTimeouts.Standard, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine("Graph of the Node's neighborhood database: " + response.Graph);
    }
}
