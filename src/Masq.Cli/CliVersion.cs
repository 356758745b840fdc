namespace Masq.Cli;

/// <summary>The version line <c>masq --version</c> and the interactive <c>version</c> print.</summary>
internal static class CliVersion
{
    public static string Text { get; } = "masq " + (typeof(CliVersion).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
}
