namespace Masq.Cli.Commands;

/// <summary>A command failed for a reason of its own; the message (if any) goes to stderr.</summary>
internal sealed class CommandFailedException : Exception
{
    public CommandFailedException()
        : base(string.Empty)
    {
    }

    public CommandFailedException(string message)
        : base(message)
    {
    }

    public CommandFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
