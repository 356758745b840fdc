using Masq.Cli.Commands.Parsing;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary><c>change-password &lt;old&gt; &lt;new&gt;</c>: replaces the database password.</summary>
internal sealed record ChangePasswordCommand(string? OldPassword, string? NewPassword) : ICommand
{
    public static CommandDescriptor Descriptor { get; } = new(
        "change-password",
        "Changes the existing password of the Node database.",
        "change-password <OLD-DB-PASSWORD> <NEW-DB-PASSWORD>",
        "OLD-DB-PASSWORD    The current password.\n"
        + "NEW-DB-PASSWORD    The new password.\n"
        + "Passwords left out at a terminal are asked for without echo (the new one twice).",
        (args, options) =>
        {
            var parsed = ArgumentReader.Read("change-password", args, [], maxPositionals: 2, secretPositionals: true);
            if (!options.CanPromptForSecrets && parsed.Positionals.Count < 2)
            {
                var missing = parsed.Positionals.Count == 0 ? "<OLD-DB-PASSWORD> and <NEW-DB-PASSWORD>" : "<NEW-DB-PASSWORD>";
                throw new CommandSyntaxException($"change-password needs the argument {missing}");
            }
            return new ChangePasswordCommand(parsed.Positional(0), parsed.Positional(1));
        });

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var oldPassword = await SecretResolver.RequireAsync(context, OldPassword, "Current database password: ", cancellationToken).ConfigureAwait(false);
        var newPassword = await SecretResolver.RequireNewAsync(context, NewPassword, cancellationToken).ConfigureAwait(false);
        await context.Transport.TransactAsync<UiChangePasswordRequest, UiChangePasswordResponse>(
            new UiChangePasswordRequest(newPassword, oldPassword), CommandTimeouts.Standard, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(SetPasswordCommand.Changed);
    }

    public override string ToString() =>
        $"{nameof(ChangePasswordCommand)} {{ OldPassword = {(OldPassword is null ? "null" : "***")}, NewPassword = {(NewPassword is null ? "null" : "***")} }}";
}
