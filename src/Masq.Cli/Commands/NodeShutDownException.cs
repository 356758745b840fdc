namespace Masq.Cli.Commands;

/// <summary>The Node masq was connected to directly (its UI port given as <c>--ui-port</c>) shut down as told.</summary>
internal sealed class NodeShutDownException : Exception
{
    public NodeShutDownException()
        : base("The Node shut down")
    {
    }

    public NodeShutDownException(string message)
        : base(message)
    {
    }

    public NodeShutDownException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
