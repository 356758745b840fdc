using System.Globalization;
using Masq.Cli.Commands.Parsing;
using Masq.Cli.Output;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary><c>financials</c>: the Node's money totals, plus its top accounts or the accounts in given ranges.</summary>
internal sealed record FinancialsCommand(UiFinancialsRequest Request, FinancialsLayout Layout) : ICommand
{
    private static readonly OptionSpec[] Options =
    [
        OptionSpec.Value("top", 't'),
        OptionSpec.Value("ordered", 'o'),
        OptionSpec.Value("payable", 'p'),
        OptionSpec.Value("receivable", 'r'),
        OptionSpec.Flag("no-stats", 'n'),
        OptionSpec.Flag("gwei", 'g'),
        OptionSpec.Flag("wei", 'w'),
    ];

    public static CommandDescriptor Descriptor { get; } = new(
        "financials",
        "Displays financial statistics and accounts of the running Node.",
        "financials [-n] [-g|-w] [-t <N> [-o balance|age] | [-p <RANGES>] [-r <RANGES>]]",
        "-t, --top <N>               The top N (1-65535) payable and receivable accounts.\n"
        + "-o, --ordered <ORDER>       Order of the top accounts: 'balance' (default, largest first) or 'age'.\n"
        + "-p, --payable <RANGES>      Payable accounts in the ranges \"<MIN-AGE>-<MAX-AGE>|<MIN-MASQ>-<MAX-MASQ>\":\n"
        + "                            ages in seconds, amounts in MASQ with at most 9 decimals; leave out\n"
        + "                            '-<MAX-MASQ>' for no upper limit. Quote the value, e.g. -p \"0-350000|0.005-9\".\n"
        + "-r, --receivable <RANGES>   Receivable accounts in ranges of the same form (amounts may be negative).\n"
        + "-n, --no-stats              Leaves out the totals (needs -t, -p or -r).\n"
        + "-g, --gwei                  Shows amounts in gwei instead of MASQ.\n"
        + "-w, --wei                   Shows the exact amounts in wei (to compare two Nodes' records to the wei).\n"
        + "--top cannot be combined with --payable or --receivable.",
        Parse);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var response = await context.Transport.TransactAsync<UiFinancialsRequest, UiFinancialsResponse>(
            Request, CommandTimeouts.Standard, cancellationToken).ConfigureAwait(false);
        if (Layout.InWei && !FinancialsFormatter.HasWei(response))
        {
            throw new CommandFailedException("This Node does not report amounts in wei; use --gwei");
        }
        context.Output.Write(FinancialsFormatter.Format(response, Layout));
    }

    private static FinancialsCommand Parse(IReadOnlyList<string> args, ParserOptions options)
    {
        var parsed = ArgumentReader.Read("financials", args, Options);
        var hasTop = parsed.Value("top") is not null;
        var payable = parsed.Value("payable") is { } payableText ? Range("payable", payableText) : null;
        var receivable = parsed.Value("receivable") is { } receivableText ? Range("receivable", receivableText) : null;
        if (hasTop && (payable is not null || receivable is not null))
        {
            throw new CommandSyntaxException("'--top' cannot be used with '--payable' or '--receivable'");
        }
        if (parsed.Has("ordered") && !hasTop)
        {
            throw new CommandSyntaxException("'--ordered' can only be used with '--top'");
        }
        if (parsed.Has("no-stats") && !hasTop && payable is null && receivable is null)
        {
            throw new CommandSyntaxException("'--no-stats' needs '--top', '--payable' or '--receivable'");
        }
        if (parsed.Has("gwei") && parsed.Has("wei"))
        {
            throw new CommandSyntaxException("'--gwei' and '--wei' cannot be used together");
        }
        if (payable is { MinGwei: < 0 })
        {
            throw new CommandSyntaxException("Invalid value for '--payable': payable balances cannot be negative");
        }

        UiTopRecordsConfig? top = null;
        if (parsed.Value("top") is { } topText)
        {
            if (!ushort.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count == 0)
            {
                throw new CommandSyntaxException($"Invalid value for '--top': '{topText}' (expected a number from 1 to 65535)");
            }
            var ordering = parsed.Value("ordered")?.ToLowerInvariant() switch
            {
                null or "balance" => UiTopRecordsOrdering.Balance,
                "age" => UiTopRecordsOrdering.Age,
                _ => throw new CommandSyntaxException($"Invalid value for '--ordered': '{parsed.Value("ordered")}' (use balance or age)"),
            };
            top = new UiTopRecordsConfig(count, ordering);
        }
        var queries = payable is null && receivable is null
            ? null
            : new UiCustomQueries(
                payable is null ? null : new UiRangeQuery<ulong>(payable.MinAgeS, payable.MaxAgeS, (ulong)payable.MinGwei, (ulong)payable.MaxGwei),
                receivable is null ? null : new UiRangeQuery<long>(receivable.MinAgeS, receivable.MaxAgeS, receivable.MinGwei, receivable.MaxGwei));
        var request = new UiFinancialsRequest(!parsed.Has("no-stats"), top, queries);
        var layout = new FinancialsLayout(parsed.Has("gwei"), top?.Count, payable?.Description, receivable?.Description, parsed.Has("wei"));
        return new FinancialsCommand(request, layout);
    }

    private static FinancialsRange Range(string option, string text) =>
        FinancialsRangeParser.TryParse(text, out var range, out var error)
            ? range!
            : throw new CommandSyntaxException($"Invalid value for '--{option}': {error}");
}
