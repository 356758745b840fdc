using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary><c>descriptor</c>: shows the running Node's descriptor.</summary>
internal sealed record DescriptorCommand : ICommand
{
    public const string NotYetAvailable = "Node descriptor is not yet available; try again later";

    public const string ZeroHop = "A zero-hop Node has no descriptor: it connects to no other Nodes, so other Nodes cannot reach it. "
        + "Set --neighborhood-mode standard (or originate-only) to join the network.";

    public const string NotRunning = "MASQNode is not running; therefore its descriptor cannot be displayed.";

    public static CommandDescriptor Descriptor { get; } = new(
        "descriptor",
        "Displays the Node descriptor of the running MASQNode.",
        "descriptor",
        string.Empty,
        (args, _) =>
        {
            NoArguments.Check("descriptor", args);
            return new DescriptorCommand();
        });

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var response = await NodeNotRunning.ExplainAsync(context, NotRunning, () =>
            context.Transport.TransactAsync<UiDescriptorRequest, UiDescriptorResponse>(
                new UiDescriptorRequest(), CommandTimeouts.Standard, cancellationToken)).ConfigureAwait(false);
        context.Output.WriteLine(response.NodeDescriptorOpt
            ?? (response.NeighborhoodMode == "zero-hop" ? ZeroHop : NotYetAvailable));
    }
}
