namespace Masq.Node.Routing;

/// <summary>The originator's own place on a route: no charge.</summary>
internal sealed record ExpectedNothing : ExpectedService
{
    public static ExpectedNothing Instance { get; } = new();
}
