using System.Net;

namespace Masq.Node.Networking;

/// <summary>One connection's (or stream's) charge against the <see cref="BufferBudget"/>; dispose when it ends.</summary>
internal sealed class BufferAccount : IDisposable
{
    private readonly BufferBudget _budget;
    private readonly Action _close;

    internal BufferAccount(BufferBudget budget, IPAddress address, Action close)
    {
        _budget = budget;
        Address = address;
        _close = close;
    }

    public IPAddress Address { get; }

    /// <summary>Whether the account counts in its address's share (a link's does; a stream's does not).</summary>
    internal bool SharesAddress { get; init; } = true;

    /// <summary>True once the budget closed the connection (or it was disposed); charges are ignored from then on.</summary>
    public bool Closed { get; internal set; }

    /// <summary>Bytes charged now (changed under the budget's lock).</summary>
    internal long Charged { get; set; }

    /// <summary>What the account held when the budget chose it to close, for the log.</summary>
    internal long LastCharge { get; set; }

    /// <summary>Charges (or, negative, uncharges) <paramref name="delta"/> bytes.</summary>
    public void Add(long delta) => _budget.Add(this, delta);

    public void Dispose() => _budget.Release(this);

    internal void CloseConnection() => _close();
}
