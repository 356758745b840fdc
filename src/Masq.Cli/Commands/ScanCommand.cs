using Masq.Cli.Commands.Parsing;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary><c>scan payables|receivables|pendingpayables</c>: runs one blockchain scan now; prints nothing when it is done.</summary>
internal sealed record ScanCommand(UiScanType ScanType) : ICommand
{
    public static CommandDescriptor Descriptor { get; } = new(
        "scan",
        "Makes the running Node scan the blockchain now for payables, receivables or pending payables.",
        "scan <payables|receivables|pendingpayables>",
        "A scan that cannot start (one is already running, there is nothing to do, or there is no consuming wallet)\n"
        + "gets no answer and times out after 10 s; the Node logs the reason.",
        (args, _) =>
        {
            var parsed = ArgumentReader.Read("scan", args, [], maxPositionals: 1);
            var type = parsed.Positional(0)?.ToLowerInvariant() switch
            {
                "payables" => UiScanType.Payables,
                "receivables" => UiScanType.Receivables,
                "pendingpayables" => UiScanType.PendingPayables,
                null => throw new CommandSyntaxException("scan needs the argument <payables|receivables|pendingpayables>"),
                _ => throw new CommandSyntaxException($"Invalid scan type '{parsed.Positional(0)}' (use payables, receivables or pendingpayables)"),
            };
            return new ScanCommand(type);
        });

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        await context.Transport.TransactAsync<UiScanRequest, UiScanResponse>(
            new UiScanRequest(ScanType), CommandTimeouts.Scan, cancellationToken).ConfigureAwait(false);
}
