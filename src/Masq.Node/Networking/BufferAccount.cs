using System.Net;

namespace Masq.Node.Networking;

/// <summary>One connection's charge against the <see cref="BufferBudget"/>; dispose when the connection ends.</summary>
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
