namespace Masq.Node.Cells;

/// <summary>
/// The receiving side of one stream's credit window: bytes received are held until the application (the browser's
/// connection at the originator, the server's at the exit) takes them; credit goes back to the sender as they are
/// taken, in one update per half window (as QUIC implementations do, and Tor's SENDME every 50 of 500 cells), so
/// a stream costs about two credit cells per window of data. Not thread-safe: one stream, one reader of it.
/// </summary>
internal sealed class ReceiveCredit
{
    /// <summary>
    /// 512 KiB: a 3-hop route on loopback round-trips in about 1 ms, so one stream can run at hundreds of MB/s,
    /// while a stalled stream parks at most this much; Tor's stream window is 500 cells, about 250 KB.
    /// </summary>
    public const int DefaultWindow = 512 * 1024;

    private readonly long _window;
    private long _received;
    private long _consumed;
    private long _advertised;

    public ReceiveCredit(long window = DefaultWindow)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        _window = window;
        _advertised = window;
    }

    /// <summary>Bytes received and not yet taken by the application: never more than the window.</summary>
    public long Buffered => _received - _consumed;

    /// <summary>The highest offset the sender has been allowed.</summary>
    public long Advertised => _advertised;

    /// <summary>Records <paramref name="length"/> bytes arriving; false if they go past the credit given (the peer broke the protocol).</summary>
    public bool TryReceive(int length)
    {
        if (length < 0 || _received + length > _advertised)
        {
            return false;
        }

        _received += length;
        return true;
    }

    /// <summary>
    /// Records <paramref name="length"/> bytes taken by the application; returns the new limit to send to the sender
    /// when half the window has been taken since the last update, otherwise null.
    /// </summary>
    public long? Consume(int length)
    {
        if (length < 0 || _consumed + length > _received)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "More bytes taken than received.");
        }

        _consumed += length;
        if (_advertised - _consumed > _window / 2)
        {
            return null;
        }

        _advertised = _consumed + _window;
        return _advertised;
    }
}
