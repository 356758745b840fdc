namespace Masq.Lib.Ui.Client;

/// <summary>The connection carrying a conversation closed before the answer came.</summary>
public sealed class UiConnectionLostException : Exception
{
    public UiConnectionLostException()
    {
    }

    public UiConnectionLostException(string message)
        : base(message)
    {
    }

    public UiConnectionLostException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>True when the Node's connection closed; false when it was the Daemon's.</summary>
    public bool WasNode { get; init; }
}
