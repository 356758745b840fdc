namespace Masq.Lib.Ui;

/// <summary>A UI message could not be read as the protocol requires.</summary>
public sealed class UiProtocolException : Exception
{
    public UiProtocolException()
    {
    }

    public UiProtocolException(string message)
        : base(message)
    {
    }

    public UiProtocolException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
