namespace Masq.Lib.Ui.Client;

/// <summary>The Daemon or Node answered a conversation with an error, or the client gave up (TIMEOUT).</summary>
public sealed class UiCallException : Exception
{
    public UiCallException()
    {
    }

    public UiCallException(string message)
        : base(message)
    {
    }

    public UiCallException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public UiCallException(ulong code, string message)
        : base(message)
    {
        Code = code;
    }

    public ulong Code { get; }
}
