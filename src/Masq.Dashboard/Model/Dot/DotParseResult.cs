namespace Masq.Dashboard.Model.Dot;

/// <summary>Either a graph or the reason the text is not one.</summary>
public sealed record DotParseResult(DotGraph? Graph, string? Error)
{
    public bool Success => Graph is not null;
}
