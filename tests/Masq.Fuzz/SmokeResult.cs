namespace Masq.Fuzz;

internal sealed record SmokeResult(string Target, int CorpusInputs, int Executions, IReadOnlyList<SmokeFinding> Findings, TimeSpan Elapsed, TimeSpan Slowest);
