namespace Masq.Node.Cells;

/// <summary>
/// A sliding window over cell sequence numbers (as in IPsec and DTLS): accepts each number once, and nothing more
/// than <see cref="Width"/> behind the highest seen. Links are in order, so in practice every accepted number is the
/// next one; the window only forgives reordering the link layer might one day bring. Not thread-safe.
/// </summary>
internal struct ReplayWindow
{
    public const int Width = 64;

    private ulong _highest;
    private ulong _seen;
    private bool _any;

    /// <summary>Accepts <paramref name="sequence"/> if it is new and not too old, and remembers it.</summary>
    public bool TryAccept(ulong sequence)
    {
        if (!_any)
        {
            _any = true;
            _highest = sequence;
            _seen = 1;
            return true;
        }

        if (sequence > _highest)
        {
            ulong shift = sequence - _highest;
            _seen = shift >= Width ? 1 : (_seen << (int)shift) | 1;
            _highest = sequence;
            return true;
        }

        ulong behind = _highest - sequence;
        if (behind >= Width)
        {
            return false;
        }

        ulong bit = 1UL << (int)behind;
        if ((_seen & bit) != 0)
        {
            return false;
        }

        _seen |= bit;
        return true;
    }
}
