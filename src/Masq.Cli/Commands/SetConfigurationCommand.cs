using System.Globalization;
using Masq.Cli.Commands.Parsing;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary><c>set-configuration</c>: changes exactly one of gas-price, min-hops or start-block in the running Node.</summary>
internal sealed record SetConfigurationCommand(string Name, string Value) : ICommand
{
    public const string Done = "Parameter was successfully set";

    private static readonly OptionSpec[] Options =
    [
        OptionSpec.Value("gas-price"),
        OptionSpec.Value("min-hops"),
        OptionSpec.Value("start-block"),
    ];

    public static CommandDescriptor Descriptor { get; } = new(
        "set-configuration",
        "Changes one of gas-price, min-hops or start-block in the running Node.",
        "set-configuration (--gas-price <GWEI> | --min-hops <HOPS> | --start-block <BLOCK>)",
        "--gas-price <GWEI>       The most the Node pays per gas for its transactions, in gwei (more than 0).\n"
        + "--min-hops <HOPS>        The minimum number of hops in a route: 1 to 6.\n"
        + "--start-block <BLOCK>    The block number where the next scan for incoming payments starts, or 'none'.",
        Parse);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await context.Transport.TransactAsync<UiSetConfigurationRequest, UiSetConfigurationResponse>(
            new UiSetConfigurationRequest(Name, Value), CommandTimeouts.Standard, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(Done);
    }

    private static SetConfigurationCommand Parse(IReadOnlyList<string> args, ParserOptions options)
    {
        var parsed = ArgumentReader.Read("set-configuration", args, Options);
        var given = Options.Where(o => parsed.Has(o.Long)).ToList();
        if (given.Count != 1)
        {
            throw new CommandSyntaxException("set-configuration needs exactly one of '--gas-price', '--min-hops' and '--start-block'");
        }
        var name = given[0].Long;
        var value = parsed.Value(name)!;
        var valid = name switch
        {
            "gas-price" => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var gwei) && gwei > 0,
            "min-hops" => byte.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hops) && hops is >= 1 and <= 6,
            _ => value is "latest" or "none" || ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        };
        if (!valid)
        {
            var expected = name switch
            {
                "gas-price" => "a whole number of gwei greater than 0",
                "min-hops" => "a number from 1 to 6",
                _ => "a block number, 'latest' or 'none'",
            };
            throw new CommandSyntaxException($"Invalid value for '--{name}': '{value}' (expected {expected})");
        }
        return new SetConfigurationCommand(name, value);
    }
}
