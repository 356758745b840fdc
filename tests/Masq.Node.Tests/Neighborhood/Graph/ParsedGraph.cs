namespace Masq.Node.Tests.Neighborhood.Graph;

/// <summary>Nodes (id → attributes) and edges read back from DOT text by the graph tests.</summary>
internal sealed class ParsedGraph
{
    public Dictionary<string, Dictionary<string, string>> Nodes { get; } = new(StringComparer.Ordinal);

    public List<(string From, string To)> Edges { get; } = [];
}
