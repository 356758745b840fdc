using Masq.Cli.Commands.Parsing;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary>
/// <c>recover-wallets</c>: gives the Node existing wallets, from a mnemonic phrase and derivation paths, a consuming
/// private key, and/or an earning address.
/// </summary>
internal sealed record RecoverWalletsCommand(
    string? DbPassword,
    UiRecoverSeedSpec? SeedSpec,
    string? ConsumingPath,
    string? ConsumingKey,
    string? EarningPath,
    string? EarningAddress) : ICommand
{
    public const string Recovered = "Wallets were successfully recovered";

    private static readonly OptionSpec[] Options =
    [
        OptionSpec.Value("db-password"),
        OptionSpec.Value("mnemonic-phrase"),
        OptionSpec.Value("passphrase"),
        OptionSpec.Value("language"),
        OptionSpec.Value("consuming-path"),
        OptionSpec.Value("consuming-key"),
        OptionSpec.Value("earning-path"),
        OptionSpec.Value("earning-address"),
    ];

    public static CommandDescriptor Descriptor { get; } = new(
        "recover-wallets",
        "Recovers the Node's consuming and earning wallets from a mnemonic phrase, a private key or an address.",
        "recover-wallets --db-password <PASSWORD> (--consuming-path <PATH> | --consuming-key <KEY>) (--earning-path <PATH> | --earning-address <ADDRESS>) [--mnemonic-phrase \"<WORDS>\"] [--passphrase <PASSPHRASE>] [--language <LANGUAGE>]",
        "--db-password <PASSWORD>       The database password. Left out at a terminal, it is asked for without echo.\n"
        + "--mnemonic-phrase \"<WORDS>\"    The 12, 15, 18, 21 or 24 words of the phrase, in quotes. Needed with a path.\n"
        + "--passphrase <PASSPHRASE>      The phrase's extra word, if it had one.\n"
        + "--language <LANGUAGE>          The phrase's language (default English).\n"
        + "--consuming-path <PATH>        Derivation path of the consuming wallet, e.g. \"m/44'/60'/0'/0/0\".\n"
        + "--consuming-key <KEY>          Or the consuming wallet's private key (64 hexadecimal digits).\n"
        + "--earning-path <PATH>          Derivation path of the earning wallet, e.g. \"m/44'/60'/0'/0/1\".\n"
        + "--earning-address <ADDRESS>    Or the earning wallet's address (0x and 40 hexadecimal digits).",
        Parse);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var password = await SecretResolver.RequireAsync(context, DbPassword, "Database password: ", cancellationToken).ConfigureAwait(false);
        await context.Transport.TransactAsync<UiRecoverWalletsRequest, UiRecoverWalletsResponse>(
            new UiRecoverWalletsRequest(password, SeedSpec, ConsumingPath, ConsumingKey, EarningPath, EarningAddress),
            CommandTimeouts.Standard,
            cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(Recovered);
    }

    public override string ToString() =>
        $"{nameof(RecoverWalletsCommand)} {{ DbPassword = {(DbPassword is null ? "null" : "***")}, ConsumingPath = {ConsumingPath}, EarningPath = {EarningPath}, EarningAddress = {EarningAddress} }}";

    private static RecoverWalletsCommand Parse(IReadOnlyList<string> args, ParserOptions options)
    {
        var parsed = ArgumentReader.Read("recover-wallets", args, Options);
        var password = parsed.Value("db-password");
        if (password is null && !options.CanPromptForSecrets)
        {
            throw new CommandSyntaxException("recover-wallets needs the option '--db-password <PASSWORD>'");
        }
        var consumingPath = parsed.Value("consuming-path");
        var consumingKey = parsed.Value("consuming-key") is { } key ? WalletArguments.PrivateKey("consuming-key", key) : null;
        var earningPath = parsed.Value("earning-path");
        var earningAddress = parsed.Value("earning-address") is { } address ? WalletArguments.Address("earning-address", address) : null;
        ExactlyOne(consumingPath, consumingKey, "--consuming-path", "--consuming-key");
        ExactlyOne(earningPath, earningAddress, "--earning-path", "--earning-address");

        UiRecoverSeedSpec? seedSpec = null;
        if (parsed.Value("mnemonic-phrase") is { } phrase)
        {
            var language = parsed.Value("language") is { } text ? MnemonicOptions.ParseLanguage(text) : MnemonicOptions.DefaultLanguage;
            seedSpec = new UiRecoverSeedSpec(WalletArguments.MnemonicPhrase(phrase), language, parsed.Value("passphrase"));
        }
        else if (consumingPath is not null || earningPath is not null)
        {
            throw new CommandSyntaxException("A derivation path needs '--mnemonic-phrase'");
        }
        else if (parsed.Has("passphrase") || parsed.Has("language"))
        {
            throw new CommandSyntaxException("'--passphrase' and '--language' need '--mnemonic-phrase'");
        }
        return new RecoverWalletsCommand(password, seedSpec, consumingPath, consumingKey, earningPath, earningAddress);
    }

    private static void ExactlyOne(string? first, string? second, string firstName, string secondName)
    {
        if (first is null && second is null)
        {
            throw new CommandSyntaxException($"recover-wallets needs '{firstName}' or '{secondName}'");
        }
        if (first is not null && second is not null)
        {
            throw new CommandSyntaxException($"'{firstName}' and '{secondName}' cannot be used together");
        }
    }
}
