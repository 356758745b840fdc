namespace Masq.Dashboard.Model.Dot;

public sealed record DotNode(string Id, IReadOnlyDictionary<string, string> Attributes)
{
    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;
}
