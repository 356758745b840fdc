namespace Masq.Cli.Commands;

/// <summary>Takes a secret from the command line, or asks for it when it was left out and a terminal is there.</summary>
internal static class SecretResolver
{
    public static async Task<string> RequireAsync(CommandContext context, string? given, string prompt, CancellationToken cancellationToken)
    {
        if (given is not null)
        {
            return given;
        }
        if (!context.Secrets.CanPrompt)
        {
            throw new CommandFailedException("A password is required; give it on the command line.");
        }
        var entered = await context.Secrets.ReadSecretAsync(prompt, cancellationToken).ConfigureAwait(false);
        return entered ?? throw new CommandFailedException("No password was entered.");
    }

    /// <summary>A new password: typed twice when prompted, and never empty.</summary>
    public static async Task<string> RequireNewAsync(CommandContext context, string? given, CancellationToken cancellationToken)
    {
        if (given is not null)
        {
            return given;
        }
        var first = await RequireAsync(context, null, "New database password: ", cancellationToken).ConfigureAwait(false);
        if (first.Length == 0)
        {
            throw new CommandFailedException("The new password must not be empty.");
        }
        var second = await RequireAsync(context, null, "Confirm the new database password: ", cancellationToken).ConfigureAwait(false);
        return first == second ? first : throw new CommandFailedException("The passwords do not match; nothing was changed.");
    }

    /// <summary>An optional secret: asked for when a terminal is there; an empty answer means "none".</summary>
    public static async Task<string?> OptionalAsync(CommandContext context, string? given, string prompt, CancellationToken cancellationToken)
    {
        if (given is not null || !context.Secrets.CanPrompt)
        {
            return given;
        }
        var entered = await context.Secrets.ReadSecretAsync(prompt, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(entered) ? null : entered;
    }
}
