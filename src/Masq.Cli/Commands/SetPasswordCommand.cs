using Masq.Cli.Commands.Parsing;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary><c>set-password &lt;new&gt;</c>: gives a database that has no password its first one.</summary>
internal sealed record SetPasswordCommand(string? NewPassword) : ICommand
{
    public const string Changed = "Database password has been changed";

    public static CommandDescriptor Descriptor { get; } = new(
        "set-password",
        "Sets the password of the Node database, which must not have one yet.",
        "set-password <NEW-DB-PASSWORD>",
        "NEW-DB-PASSWORD    The new password. Left out at a terminal, it is asked for (twice) without echo.",
        (args, options) =>
        {
            var parsed = ArgumentReader.Read("set-password", args, [], maxPositionals: 1, secretPositionals: true);
            var password = parsed.Positional(0);
            if (password is null && !options.CanPromptForSecrets)
            {
                throw new CommandSyntaxException("set-password needs the argument <NEW-DB-PASSWORD>");
            }
            return new SetPasswordCommand(password);
        });

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var password = await SecretResolver.RequireNewAsync(context, NewPassword, cancellationToken).ConfigureAwait(false);
        await context.Transport.TransactAsync<UiChangePasswordRequest, UiChangePasswordResponse>(
            new UiChangePasswordRequest(password, null), CommandTimeouts.Standard, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(Changed);
    }

    public override string ToString() => $"{nameof(SetPasswordCommand)} {{ NewPassword = {(NewPassword is null ? "null" : "***")} }}";
}
