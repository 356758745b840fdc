using Masq.Cli.Commands.Parsing;
using Masq.Cli.Output;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary><c>wallet-addresses &lt;db-password&gt;</c>: the consuming and earning wallet addresses.</summary>
internal sealed record WalletAddressesCommand(string? DbPassword) : ICommand
{
    public static CommandDescriptor Descriptor { get; } = new(
        "wallet-addresses",
        "Displays the addresses of the Node's consuming and earning wallets.",
        "wallet-addresses <DB-PASSWORD>",
        "DB-PASSWORD    The database password. Left out at a terminal, it is asked for without echo.",
        (args, options) =>
        {
            var parsed = ArgumentReader.Read("wallet-addresses", args, [], maxPositionals: 1, secretPositionals: true);
            var password = parsed.Positional(0);
            if (password is null && !options.CanPromptForSecrets)
            {
                throw new CommandSyntaxException("wallet-addresses needs the argument <DB-PASSWORD>");
            }
            return new WalletAddressesCommand(password);
        });

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var password = await SecretResolver.RequireAsync(context, DbPassword, "Database password: ", cancellationToken).ConfigureAwait(false);
        var response = await context.Transport.TransactAsync<UiWalletAddressesRequest, UiWalletAddressesResponse>(
            new UiWalletAddressesRequest(password), CommandTimeouts.Standard, cancellationToken).ConfigureAwait(false);
        context.Output.Write(WalletFormatter.Addresses(response));
    }

    public override string ToString() => $"{nameof(WalletAddressesCommand)} {{ DbPassword = {(DbPassword is null ? "null" : "***")} }}";
}
