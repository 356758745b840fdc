using Masq.Cli.Commands.Parsing;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary>
/// <c>crash [actor] [message]</c>: a test hook; the named actor of a Node started with <c>--crash-point message</c>
/// panics. Fire-and-forget: nothing is printed.
/// </summary>
internal sealed record CrashCommand(string Actor, string Message) : ICommand
{
    public const string DefaultMessage = "Intentional crash";

    public static IReadOnlyList<string> Actors { get; } = ["BlockchainBridge", "Dispatcher", "Accountant", "Configurator", "Neighborhood"];

    /// <summary>
    /// The Daemon redirects a fire-and-forget message to the Node, and the client re-sends it there; a one-shot masq
    /// waits this long for that to happen (or for <c>undelivered</c>) before it exits and closes the connection.
    /// </summary>
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromMilliseconds(1000);

    private static readonly TimeSpan SendGrace = TimeSpan.FromMilliseconds(200);

    public static CommandDescriptor Descriptor { get; } = new(
        "crash",
        "Makes a Node actor crash on purpose, for testing (only if the Node runs with '--crash-point message').",
        "crash [ACTOR] [MESSAGE]",
        "ACTOR      " + string.Join(", ", Actors) + " (default BlockchainBridge).\n"
        + "MESSAGE    The panic message (default 'Intentional crash').",
        (args, _) =>
        {
            var parsed = ArgumentReader.Read("crash", args, [], maxPositionals: 2);
            var actor = parsed.Positional(0) is { } name
                ? Actors.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase))
                  ?? throw new CommandSyntaxException($"Invalid actor '{name}' (use one of {string.Join(", ", Actors)})")
                : Actors[0];
            return new CrashCommand(actor.ToUpperInvariant(), parsed.Positional(1) ?? DefaultMessage);
        });

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var undelivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnMessage(UiEnvelope envelope)
        {
            if (envelope.Opcode == Opcodes.Undelivered && envelope.TryGetPayload<UiUndelivered>(out var body, out _) && body.Opcode == Opcodes.Crash)
            {
                undelivered.TrySetResult();
            }
        }

        context.Transport.BroadcastReceived += OnMessage;
        try
        {
            await context.Transport.SendAsync(new UiCrashRequest(Actor, Message), cancellationToken).ConfigureAwait(false);
            if (context.IsInteractive)
            {
                return; // masq stays connected; an 'undelivered' shows up as a broadcast.
            }
            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delivered = WaitForNodeConnectionAsync(context, stopWaiting.Token);
            var finished = await Task.WhenAny(undelivered.Task, delivered, Task.Delay(DeliveryWait, stopWaiting.Token)).ConfigureAwait(false);
            await stopWaiting.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (finished == undelivered.Task)
            {
                throw new CommandFailedException("Cannot handle crash request: Node is not running.");
            }
            if (finished == delivered && await delivered.ConfigureAwait(false))
            {
                await Task.Delay(SendGrace, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            context.Transport.BroadcastReceived -= OnMessage;
        }
    }

    /// <summary>True once the client has connected to the Node (it follows the Daemon's redirect); false when stopped.</summary>
    private static async Task<bool> WaitForNodeConnectionAsync(CommandContext context, CancellationToken cancellationToken)
    {
        try
        {
            while (context.Transport.NodePort is null)
            {
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
