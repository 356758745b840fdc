namespace Masq.Cli.Localnet;

/// <summary>The contents of <c>DIR/localnet.json</c>: what <c>up</c> started, for <c>status</c> and <c>down</c>.</summary>
internal sealed record LocalnetState(
    int Version,
    string Chain,
    int MinHops,
    IReadOnlyList<string> NodeCommand,
    DateTimeOffset StartedAt,
    IReadOnlyList<LocalnetNodeState> Nodes)
{
    public const int CurrentVersion = 1;
}
