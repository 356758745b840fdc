namespace Masq.Node.Actors;

/// <summary>Thrown on purpose by the <c>--crash-point</c> test hooks.</summary>
internal sealed class CrashTestException : Exception
{
    public CrashTestException()
    {
    }

    public CrashTestException(string message)
        : base(message)
    {
    }

    public CrashTestException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
