using Masq.Cli.Commands.Parsing;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary><c>check-password [db-password]</c>: does the password unlock the Node's database? No password checks that none is set.</summary>
internal sealed record CheckPasswordCommand(string? DbPassword) : ICommand
{
    public static CommandDescriptor Descriptor { get; } = new(
        "check-password",
        "Checks whether a password is the Node database's password.",
        "check-password [DB-PASSWORD]",
        "DB-PASSWORD    The password to check. Left out at a terminal, it is asked for without echo (an empty\n"
        + "               answer checks that the database has no password); left out in a script, masq checks\n"
        + "               that the database has no password.",
        (args, _) =>
        {
            var parsed = ArgumentReader.Read("check-password", args, [], maxPositionals: 1, secretPositionals: true);
            return new CheckPasswordCommand(parsed.Positional(0));
        });

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var password = await SecretResolver.OptionalAsync(
            context, DbPassword, "Database password (empty if none is set): ", cancellationToken).ConfigureAwait(false);
        var response = await context.Transport.TransactAsync<UiCheckPasswordRequest, UiCheckPasswordResponse>(
            new UiCheckPasswordRequest(password), CommandTimeouts.Standard, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(response.Matches ? "Password is correct" : "Password is incorrect");
    }

    public override string ToString() => $"{nameof(CheckPasswordCommand)} {{ DbPassword = {(DbPassword is null ? "null" : "***")} }}";
}
