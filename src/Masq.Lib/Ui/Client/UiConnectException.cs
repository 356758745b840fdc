namespace Masq.Lib.Ui.Client;

/// <summary>No Daemon or Node could be reached on the port.</summary>
public sealed class UiConnectException : Exception
{
    public UiConnectException()
    {
    }

    public UiConnectException(string message)
        : base(message)
    {
    }

    public UiConnectException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public UiConnectException(string message, Exception inner, bool refused)
        : base(message, inner)
    {
        Refused = refused;
    }

    /// <summary>Something answered but refused this client (no or a wrong UI cookie).</summary>
    public bool Refused { get; }
}
