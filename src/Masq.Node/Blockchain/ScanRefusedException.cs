namespace Masq.Node.Blockchain;

/// <summary>A scan that cannot run as things are (no consuming wallet); nothing was changed.</summary>
internal sealed class ScanRefusedException : Exception
{
    public ScanRefusedException()
    {
    }

    public ScanRefusedException(string message)
        : base(message)
    {
    }

    public ScanRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
