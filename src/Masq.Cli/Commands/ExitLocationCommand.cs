using Masq.Cli.Commands.Parsing;
using Masq.Cli.Output;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary>
/// <c>exit-location [--country-codes "CZ,PL|SK"] [--fallback-routing] | --show-countries</c>: prefers exit Nodes in
/// some countries (groups split by <c>|</c> get priority 1, 2, …), or lists the countries available.
/// </summary>
internal sealed record ExitLocationCommand(bool FallbackRouting, IReadOnlyList<UiCountryGroup> ExitLocations, bool ShowCountries) : ICommand
{
    private static readonly OptionSpec[] Options =
    [
        OptionSpec.Value("country-codes"),
        OptionSpec.Flag("fallback-routing"),
        OptionSpec.Flag("show-countries"),
    ];

    public static CommandDescriptor Descriptor { get; } = new(
        "exit-location",
        "Sets the countries preferred for exit Nodes, or shows the countries available.",
        "exit-location [--country-codes <CODES>] [--fallback-routing] | exit-location --show-countries",
        "--country-codes <CODES>    ISO 3166 country codes in order of preference: groups separated by '|' get\n"
        + "                           priorities 1, 2, ...; codes of equal preference are separated by ','. Quote\n"
        + "                           the value, e.g. --country-codes \"CZ,PL|SK\".\n"
        + "--fallback-routing         Use exit Nodes in other countries when none is available in the ones given.\n"
        + "                           Without country codes fallback routing is always on.\n"
        + "--show-countries           Lists the countries of the exit Nodes known to the Node.\n"
        + "'exit-location' alone removes the preferences.",
        Parse);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var response = await context.Transport.TransactAsync<UiExitLocationRequest, UiExitLocationResponse>(
            new UiExitLocationRequest(FallbackRouting, ExitLocations, ShowCountries), CommandTimeouts.Standard, cancellationToken).ConfigureAwait(false);
        var text = ExitLocationFormatter.Format(response);
        if (text.Stdout is { } stdout)
        {
            context.Output.Write(stdout);
        }
        if (text.Stderr is { } stderr)
        {
            context.Output.Error(stderr);
        }
    }

    /// <summary>Parses <c>CZ,PL|SK</c> into priority groups; codes may be given in lower case.</summary>
    public static IReadOnlyList<UiCountryGroup> ParseCountryCodes(string text)
    {
        var groups = new List<UiCountryGroup>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var groupText in text.Split('|'))
        {
            var codes = new List<string>();
            foreach (var codeText in groupText.Split(','))
            {
                var code = codeText.Trim().ToUpperInvariant();
                if (code.Length == 0)
                {
                    throw new CommandSyntaxException($"Invalid value for '--country-codes': '{text}' has an empty country code");
                }
                if (!CountryCodes.IsKnown(code))
                {
                    throw new CommandSyntaxException($"Invalid value for '--country-codes': '{codeText.Trim()}' is not an ISO 3166 country code");
                }
                if (!seen.Add(code))
                {
                    throw new CommandSyntaxException($"Invalid value for '--country-codes': '{code}' is given more than once");
                }
                codes.Add(code);
            }
            groups.Add(new UiCountryGroup(codes, groups.Count + 1));
        }
        return groups;
    }

    private static ExitLocationCommand Parse(IReadOnlyList<string> args, ParserOptions options)
    {
        var parsed = ArgumentReader.Read("exit-location", args, Options);
        var showCountries = parsed.Has("show-countries");
        if (showCountries && (parsed.Has("country-codes") || parsed.Has("fallback-routing")))
        {
            throw new CommandSyntaxException("'--show-countries' cannot be combined with '--country-codes' or '--fallback-routing'");
        }
        var codes = parsed.Value("country-codes") is { } text ? ParseCountryCodes(text) : [];
        var fallbackRouting = parsed.Has("fallback-routing") || !parsed.Has("country-codes");
        return new ExitLocationCommand(fallbackRouting, codes, showCountries);
    }
}
