using Masq.Cli.Commands.Parsing;
using Masq.Cli.Output;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary><c>configuration [db-password]</c>: the running Node's persistent configuration; secrets only with the password.</summary>
internal sealed record ConfigurationCommand(string? DbPassword) : ICommand
{
    public const string NotRunning = "MASQNode is not running; therefore its configuration cannot be displayed.";

    public static CommandDescriptor Descriptor { get; } = new(
        "configuration",
        "Displays the running Node's current configuration.",
        "configuration [DB-PASSWORD]",
        "DB-PASSWORD    The database password; with it the consuming wallet's private key and the past neighbors\n"
        + "               are shown too.",
        (args, _) =>
        {
            var parsed = ArgumentReader.Read("configuration", args, [], maxPositionals: 1, secretPositionals: true);
            return new ConfigurationCommand(parsed.Positional(0));
        });

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var response = await NodeNotRunning.ExplainAsync(context, NotRunning, () =>
            context.Transport.TransactAsync<UiConfigurationRequest, UiConfigurationResponse>(
                new UiConfigurationRequest(DbPassword), CommandTimeouts.Standard, cancellationToken)).ConfigureAwait(false);
        context.Output.Write(ConfigurationFormatter.Format(response));
    }

    public override string ToString() => $"{nameof(ConfigurationCommand)} {{ DbPassword = {(DbPassword is null ? "null" : "***")} }}";
}
