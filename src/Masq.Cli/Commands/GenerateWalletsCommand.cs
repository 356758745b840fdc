using Masq.Cli.Commands.Parsing;
using Masq.Cli.Output;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary>
/// <c>generate-wallets</c>: the Node makes a consuming and an earning wallet. A seed (mnemonic) is generated only
/// when a derivation path is given; the word count, language and passphrase belong to that seed.
/// </summary>
internal sealed record GenerateWalletsCommand(
    string? DbPassword,
    UiGenerateSeedSpec? SeedSpec,
    string? ConsumingPath,
    string? EarningPath) : ICommand
{
    private static readonly OptionSpec[] Options =
    [
        OptionSpec.Value("db-password"),
        OptionSpec.Value("word-count"),
        OptionSpec.Value("language"),
        OptionSpec.Value("passphrase"),
        OptionSpec.Value("consuming-path"),
        OptionSpec.Value("earning-path"),
    ];

    public static CommandDescriptor Descriptor { get; } = new(
        "generate-wallets",
        "Generates a pair of wallets (consuming and earning) for the Node if it has none yet.",
        "generate-wallets --db-password <PASSWORD> [--consuming-path <PATH>] [--earning-path <PATH>] [--word-count <N>] [--language <LANGUAGE>] [--passphrase <PASSPHRASE>]",
        "--db-password <PASSWORD>     The database password (set one first with 'set-password'). Left out at a\n"
        + "                             terminal, it is asked for without echo.\n"
        + "--consuming-path <PATH>      Derivation path of the consuming wallet, e.g. \"m/44'/60'/0'/0/0\"; left out,\n"
        + "                             a private key is generated instead.\n"
        + "--earning-path <PATH>        Derivation path of the earning wallet, e.g. \"m/44'/60'/0'/0/1\"; left out,\n"
        + "                             an address is generated instead.\n"
        + "--word-count <N>             Words in the mnemonic phrase: 12 (default), 15, 18, 21 or 24. Only with a path.\n"
        + "--language <LANGUAGE>        Language of the mnemonic phrase: " + string.Join(", ", MnemonicOptions.Languages) + "\n"
        + "                             (default English). Only with a path.\n"
        + "--passphrase <PASSPHRASE>    An optional extra word the phrase needs when wallets are recovered. Only with a path.",
        Parse);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var password = await SecretResolver.RequireAsync(context, DbPassword, "Database password: ", cancellationToken).ConfigureAwait(false);
        var response = await context.Transport.TransactAsync<UiGenerateWalletsRequest, UiGenerateWalletsResponse>(
            new UiGenerateWalletsRequest(password, SeedSpec, ConsumingPath, EarningPath),
            CommandTimeouts.Standard,
            cancellationToken).ConfigureAwait(false);
        context.Output.Write(WalletFormatter.GeneratedWallets(response));
    }

    public override string ToString() =>
        $"{nameof(GenerateWalletsCommand)} {{ DbPassword = {(DbPassword is null ? "null" : "***")}, ConsumingPath = {ConsumingPath}, EarningPath = {EarningPath} }}";

    private static GenerateWalletsCommand Parse(IReadOnlyList<string> args, ParserOptions options)
    {
        var parsed = ArgumentReader.Read("generate-wallets", args, Options);
        var password = parsed.Value("db-password");
        if (password is null && !options.CanPromptForSecrets)
        {
            throw new CommandSyntaxException("generate-wallets needs the option '--db-password <PASSWORD>'");
        }
        var consumingPath = parsed.Value("consuming-path");
        var earningPath = parsed.Value("earning-path");
        UiGenerateSeedSpec? seedSpec = null;
        if (consumingPath is not null || earningPath is not null)
        {
            var wordCount = parsed.Value("word-count") is { } count ? MnemonicOptions.ParseWordCount(count) : MnemonicOptions.DefaultWordCount;
            var language = parsed.Value("language") is { } text ? MnemonicOptions.ParseLanguage(text) : MnemonicOptions.DefaultLanguage;
            seedSpec = new UiGenerateSeedSpec(wordCount, language, parsed.Value("passphrase"));
        }
        else if (parsed.Has("word-count") || parsed.Has("language") || parsed.Has("passphrase"))
        {
            throw new CommandSyntaxException(
                "'--word-count', '--language' and '--passphrase' describe a mnemonic phrase, which is only generated with '--consuming-path' or '--earning-path'");
        }
        return new GenerateWalletsCommand(password, seedSpec, consumingPath, earningPath);
    }
}
