using Masq.Cli.Commands.Parsing;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary><c>scan payables|receivables|pendingpayables</c>: runs one blockchain scan now and prints what it did.</summary>
internal sealed record ScanCommand(UiScanType ScanType) : ICommand
{
    public static CommandDescriptor Descriptor { get; } = new(
        "scan",
        "Makes the running Node scan the blockchain now for payables, receivables or pending payables.",
        "scan <payables|receivables|pendingpayables>",
        "Prints what the scan did: how many accounts it found, how many payments it sent (with their transactions)\n"
        + "or confirmed, or why it did nothing (no debts, debts under the payment thresholds, no consuming wallet).",
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

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var response = await context.Transport.TransactAsync<UiScanRequest, UiScanResponse>(
            new UiScanRequest(ScanType), CommandTimeouts.Scan, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(Describe(ScanType, response));
    }

    /// <summary>The Node's summary, or (from a Node that sends none) that the scan finished.</summary>
    public static string Describe(UiScanType type, UiScanResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return string.IsNullOrWhiteSpace(response.SummaryOpt)
            ? $"{type} scan done (the Node said no more; its log has the details)."
            : response.SummaryOpt;
    }
}
