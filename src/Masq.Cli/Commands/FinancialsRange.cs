namespace Masq.Cli.Commands;

/// <summary>A parsed <c>minAge-maxAge|minMASQ-maxMASQ</c> query range, with amounts already in gwei.</summary>
/// <param name="MaxGwei"><see cref="long.MaxValue"/> when the user left the maximum out.</param>
/// <param name="Description">The range as the user wrote it, tidied: <c>0-350000 sec 0.005-9 MASQ</c>.</param>
internal sealed record FinancialsRange(ulong MinAgeS, ulong MaxAgeS, long MinGwei, long MaxGwei, string Description);
