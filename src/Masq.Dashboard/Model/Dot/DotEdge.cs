namespace Masq.Dashboard.Model.Dot;

public sealed record DotEdge(string From, string To, IReadOnlyDictionary<string, string> Attributes);
